--liquibase formatted sql

--changeset core:0005-calendar
-- The alliance's working days, for every "within N working days" deadline (R-LEDGER-6): Monday to Friday, except the
-- days listed here, which HQ keeps from the State Council's yearly notice: public holidays on weekdays (working =
-- false) and the make-up working days on weekends (调休, working = true). A row that changes nothing is refused.
CREATE TABLE platform.calendar_exception (
    day        date        PRIMARY KEY,
    working    boolean     NOT NULL CHECK (working = (extract(isodow FROM day) >= 6)),
    name       varchar(40) NOT NULL,
    updated_by varchar(40) NOT NULL,
    updated_at timestamptz NOT NULL
);

--liquibase formatted sql

--changeset finance:0102-dividends
-- R-DIV-1..6: a run computes a year's dividends from a snapshot of the year's ledger and membership data, frozen in
-- dividend_share (inputs and amounts side by side, so that anyone can recompute it). At most one run of a year is
-- published; a member's choice (withdrawal or points) is made once.
CREATE TABLE dividend_run (
    id                 uuid        PRIMARY KEY,
    year               integer     NOT NULL,
    net_profit_fen     bigint      NOT NULL,
    members_fen        bigint      NOT NULL CHECK (members_fen >= 0),
    founders_fen       bigint      NOT NULL CHECK (founders_fen >= 0),
    fund_fen           bigint      NOT NULL CHECK (fund_fen >= 0),
    board_fen          bigint      NOT NULL CHECK (board_fen >= 0),
    member_count       integer     NOT NULL,
    total_contribution bigint      NOT NULL,
    snapshot_sha256    char(64)    NOT NULL,
    computed_by        varchar(40) NOT NULL,
    computed_at        timestamptz NOT NULL,
    published_by       varchar(40),
    published_at       timestamptz,
    CHECK ((published_at IS NULL) = (published_by IS NULL))
);
CREATE UNIQUE INDEX dividend_run_published ON dividend_run (year) WHERE published_at IS NOT NULL;
CREATE TABLE dividend_share (
    run_id             uuid    NOT NULL REFERENCES dividend_run (id),
    member_id          uuid    NOT NULL,
    person_id          bigint  NOT NULL,
    membership_years   integer NOT NULL CHECK (membership_years >= 0),
    service_centihours bigint  NOT NULL CHECK (service_centihours >= 0),
    referrals          integer NOT NULL CHECK (referrals >= 0),
    contribution       bigint  NOT NULL CHECK (contribution >= 0),
    amount_fen         bigint  NOT NULL CHECK (amount_fen >= 0),
    remainder_fen      integer NOT NULL CHECK (remainder_fen IN (0, 1)),
    PRIMARY KEY (run_id, member_id)
);
CREATE INDEX dividend_share_amount ON dividend_share (run_id, amount_fen DESC, member_id);
CREATE TABLE dividend_choice (
    run_id          uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    choice          varchar(10) NOT NULL CHECK (choice IN ('WITHDRAWAL', 'POINTS')),
    amount_fen      bigint      NOT NULL CHECK (amount_fen > 0),
    account_name    bytea,
    account_no      bytea,
    bank            varchar(60),
    centi_points    bigint,
    transfer_id     bigint,
    chosen_by       varchar(40) NOT NULL,
    chosen_at       timestamptz NOT NULL,
    PRIMARY KEY (run_id, member_id),
    FOREIGN KEY (run_id, member_id) REFERENCES dividend_share (run_id, member_id),
    CHECK ((choice = 'WITHDRAWAL') = (account_no IS NOT NULL AND account_name IS NOT NULL AND bank IS NOT NULL)),
    CHECK ((choice = 'POINTS') = (centi_points IS NOT NULL AND transfer_id IS NOT NULL))
);
-- Who took the bank batch file (it holds account numbers in clear), when, and its digest.
CREATE TABLE dividend_payout_export (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      uuid        NOT NULL REFERENCES dividend_run (id),
    lines       integer     NOT NULL,
    total_fen   bigint      NOT NULL,
    sha256      char(64)    NOT NULL,
    exported_by varchar(40) NOT NULL,
    exported_at timestamptz NOT NULL
);

--changeset finance:0102-dividends-immutable
-- A run's snapshot and amounts, and each member's choice, never change (finance_record_guard, 0101).
CREATE TRIGGER dividend_share_guard BEFORE UPDATE OR DELETE ON dividend_share
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER dividend_choice_guard BEFORE UPDATE OR DELETE ON dividend_choice
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();

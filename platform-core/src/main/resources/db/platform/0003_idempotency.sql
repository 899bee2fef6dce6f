--liquibase formatted sql

--changeset core:0003-idempotency
CREATE TABLE platform.idempotency_record (
    scope        varchar(300) NOT NULL,
    idem_key     varchar(100) NOT NULL,
    request_hash char(64)     NOT NULL,
    status       integer,
    location     varchar(500),
    body         bytea,        -- sealed: a response may hold private data
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created ON platform.idempotency_record (created_at);

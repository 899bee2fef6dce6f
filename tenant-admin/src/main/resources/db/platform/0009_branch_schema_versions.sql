--liquibase formatted sql

--changeset tenancy:0009-branch-schema-versions
-- What the last upgrade of each branch schema did, for HQ (ADR 16): the change sets the schema holds, and the
-- failure of the last attempt, if it failed. Written by `migrate`, by onboarding and by HQ's re-run.
CREATE TABLE platform.branch_schema_version (
    branch_code    varchar(31)  PRIMARY KEY,
    change_sets    integer      NOT NULL,
    last_change_set varchar(255),
    upgraded_at    timestamptz,
    failed_at      timestamptz,
    error          varchar(1000)
);

--liquibase formatted sql

--changeset core:0004-ledger-accounts
-- One account per person (opened on its first posting) and system accounts per branch. Only member accounts keep a
-- cached balance, updated under a row lock in the posting's transaction; system accounts are hot and have none:
-- their balance is the sum of their entries.
CREATE TABLE platform.ledger_account (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        varchar(16) NOT NULL CHECK (type IN ('MEMBER', 'ISSUANCE', 'PENALTY', 'REDEMPTION')),
    person_id   bigint      REFERENCES platform.person (id),
    branch_code varchar(31) REFERENCES platform.branch (code),
    balance     bigint,
    created_at  timestamptz NOT NULL,
    CHECK ((type = 'MEMBER') = (person_id IS NOT NULL)),
    CHECK ((type = 'MEMBER') = (branch_code IS NULL)),
    CHECK ((type = 'MEMBER') = (balance IS NOT NULL))
);
CREATE UNIQUE INDEX ledger_account_member ON platform.ledger_account (person_id) WHERE type = 'MEMBER';
CREATE UNIQUE INDEX ledger_account_system ON platform.ledger_account (branch_code, type) WHERE type <> 'MEMBER';

-- Per-branch ledger rules. No row means the defaults (a penalty floors at zero).
CREATE TABLE platform.ledger_branch_rule (
    branch_code             varchar(31) PRIMARY KEY REFERENCES platform.branch (code),
    penalty_may_go_negative boolean     NOT NULL,
    updated_by              varchar(40) NOT NULL,
    updated_at              timestamptz NOT NULL
);

--changeset core:0004-ledger-transfers
-- Immutable double-entry transfers, amounts in hundredths of a point. The member-side balance after the transfer and
-- the member's home branch at that moment are recorded on the row, so history and clearing never change afterwards.
CREATE TABLE platform.ledger_transfer (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                varchar(24)  NOT NULL CHECK (kind IN ('SERVICE', 'SERVICE_PAYMENT', 'REFERRAL', 'BIRTHDAY',
                            'PROMOTION_BONUS', 'PENALTY', 'REDEMPTION', 'CORRECTION', 'DIVIDEND_CONVERSION')),
    debit_account_id    bigint       NOT NULL REFERENCES platform.ledger_account (id),
    credit_account_id   bigint       NOT NULL REFERENCES platform.ledger_account (id),
    amount              bigint       NOT NULL CHECK (amount >= 0),
    shortfall           bigint       NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
    branch_code         varchar(31)  NOT NULL REFERENCES platform.branch (code),
    reference_type      varchar(40),
    reference_id        varchar(100),
    corrects_id         bigint       REFERENCES platform.ledger_transfer (id),
    idem_key            varchar(200) NOT NULL,
    debit_balance_after  bigint,
    credit_balance_after bigint,
    debit_home_branch   varchar(31),
    credit_home_branch  varchar(31),
    note                varchar(500),
    created_at          timestamptz  NOT NULL,
    created_by          varchar(40)  NOT NULL,
    CHECK (debit_account_id <> credit_account_id),
    -- an amount of zero only for a penalty that met an empty balance (the whole penalty is then the shortfall)
    CHECK (amount > 0 OR (kind = 'PENALTY' AND shortfall > 0)),
    CHECK ((kind = 'CORRECTION') = (corrects_id IS NOT NULL)),
    CONSTRAINT ledger_transfer_idem UNIQUE (kind, idem_key)
);
CREATE INDEX ledger_transfer_debit ON platform.ledger_transfer (debit_account_id, id);
CREATE INDEX ledger_transfer_credit ON platform.ledger_transfer (credit_account_id, id);
CREATE INDEX ledger_transfer_branch_created ON platform.ledger_transfer (branch_code, created_at);
CREATE INDEX ledger_transfer_corrects ON platform.ledger_transfer (corrects_id) WHERE corrects_id IS NOT NULL;

--changeset core:0004-ledger-immutable splitStatements:false
-- R-LEDGER-3: no entry is ever edited or deleted, whoever asks.
CREATE FUNCTION platform.ledger_transfer_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger transfers are immutable: % refused on platform.ledger_transfer', TG_OP
        USING ERRCODE = 'restrict_violation', HINT = 'post a CORRECTION transfer instead';
END
$$;
CREATE TRIGGER ledger_transfer_no_update_or_delete BEFORE UPDATE OR DELETE ON platform.ledger_transfer
    FOR EACH ROW EXECUTE FUNCTION platform.ledger_transfer_immutable();
CREATE TRIGGER ledger_transfer_no_truncate BEFORE TRUNCATE ON platform.ledger_transfer
    FOR EACH STATEMENT EXECUTE FUNCTION platform.ledger_transfer_immutable();

--changeset core:0004-ledger-disputes
-- R-LEDGER-6: a member disputes one of their transfers; a steward of the branch where it happened decides.
CREATE TABLE platform.ledger_dispute (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transfer_id            bigint        NOT NULL REFERENCES platform.ledger_transfer (id),
    branch_code            varchar(31)   NOT NULL REFERENCES platform.branch (code),
    person_id              bigint        NOT NULL REFERENCES platform.person (id),
    evidence               varchar(4000) NOT NULL,
    status                 varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    due_on                 date          NOT NULL,
    created_at             timestamptz   NOT NULL,
    decided_by             varchar(40),
    decided_at             timestamptz,
    decision_note          varchar(500),
    correction_transfer_id bigint        REFERENCES platform.ledger_transfer (id)
);
CREATE UNIQUE INDEX ledger_dispute_one_open ON platform.ledger_dispute (transfer_id) WHERE status = 'OPEN';
CREATE INDEX ledger_dispute_branch ON platform.ledger_dispute (branch_code, status, id);
CREATE INDEX ledger_dispute_person ON platform.ledger_dispute (person_id, id);

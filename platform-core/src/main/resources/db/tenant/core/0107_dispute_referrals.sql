--liquibase formatted sql

--changeset care:0107-dispute-referrals
-- R-COMPLAINT-4: a redemption dispute the steward cannot settle goes to the branch's supervision group, whose ruling is
-- published to the members within 3 working days (HQ calendar). dispute_id is platform.ledger_dispute's id.
CREATE TABLE dispute_referral (
    id            uuid          PRIMARY KEY,
    dispute_id    bigint        NOT NULL UNIQUE,
    reason        varchar(500)  NOT NULL,
    referred_by   varchar(40)   NOT NULL,
    referred_at   timestamptz   NOT NULL,
    ruling_due_on date          NOT NULL,
    ruling        varchar(2000),
    upheld        boolean,
    ruled_by      varchar(40),
    published_at  timestamptz,
    CHECK ((ruling IS NULL) = (published_at IS NULL) AND (ruling IS NULL) = (upheld IS NULL))
);
CREATE INDEX dispute_referral_open ON dispute_referral (ruling_due_on) WHERE published_at IS NULL;

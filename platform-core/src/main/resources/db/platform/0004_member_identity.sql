--liquibase formatted sql

--changeset core:0004-member-identity
-- People registered by a steward may have no login of their own.
ALTER TABLE platform.person ALTER COLUMN username DROP NOT NULL;
ALTER TABLE platform.person ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE platform.person ADD CONSTRAINT person_login_complete
    CHECK ((username IS NULL) = (password_hash IS NULL));

-- Alliance-wide uniqueness of ID and phone numbers (R-MEMBER-1), by keyed hash only: never clear text.
CREATE TABLE platform.member_fingerprint (
    kind        varchar(10) NOT NULL CHECK (kind IN ('ID_NUMBER', 'PHONE')),
    hash        char(64)    NOT NULL,
    branch_code varchar(31) NOT NULL REFERENCES platform.branch (code),
    member_id   uuid        NOT NULL,
    PRIMARY KEY (kind, hash)
);
CREATE INDEX member_fingerprint_member ON platform.member_fingerprint (member_id);

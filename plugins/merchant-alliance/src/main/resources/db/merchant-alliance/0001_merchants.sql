--liquibase formatted sql

--changeset merchant-alliance:0001-merchants
-- R-MERCHANT-1: a signed merchant, its fee of 3 % to 5 % of members' spending in basis points, and its login.
-- R-MERCHANT-5: a termination is final and says when and why.
CREATE TABLE merchant_alliance_merchant (
    id                 uuid         PRIMARY KEY,
    name               varchar(100) NOT NULL,
    category           varchar(16)  NOT NULL
                           CHECK (category IN ('SUPERMARKET', 'PHARMACY', 'HOUSEKEEPING', 'RESTAURANT', 'OTHER')),
    fee_rate_bp        integer      NOT NULL CHECK (fee_rate_bp BETWEEN 300 AND 500),
    offer              varchar(500) NOT NULL,
    valid_from         date         NOT NULL,
    valid_to           date         NOT NULL,
    status             varchar(12)  NOT NULL CHECK (status IN ('ACTIVE', 'TERMINATED')),
    terminated_at      timestamptz,
    termination_reason varchar(500),
    terminated_by      uuid,
    login_id           uuid         NOT NULL,
    created_by         uuid         NOT NULL,
    created_at         timestamptz  NOT NULL,
    CONSTRAINT merchant_alliance_merchant_validity CHECK (valid_from <= valid_to),
    CONSTRAINT merchant_alliance_merchant_termination
        CHECK ((status = 'TERMINATED') = (terminated_at IS NOT NULL AND termination_reason IS NOT NULL)),
    CONSTRAINT merchant_alliance_merchant_login UNIQUE (login_id)
);

--changeset merchant-alliance:0001-signing-key
-- The branch's key for point codes (HMAC-SHA256), made on first use; one row per branch schema.
CREATE TABLE merchant_alliance_signing_key (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL CHECK (octet_length(secret) = 32),
    created_at timestamptz NOT NULL
);

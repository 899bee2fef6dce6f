--liquibase formatted sql

--changeset merchant-alliance:0002-redemptions
-- R-MERCHANT-2: a point code redeemed at a merchant of this branch, once per code (its nonce); 1 point takes 3.00 CNY
-- off, at most 10 points and never more than the purchase. A member of any branch may redeem here.
-- transfer_id is null only inside the redeeming transaction, between claiming the code and the ledger's posting.
CREATE TABLE merchant_alliance_redemption (
    id                 uuid        PRIMARY KEY,
    merchant_id        uuid        NOT NULL REFERENCES merchant_alliance_merchant (id),
    member_id          uuid        NOT NULL,
    member_home_branch varchar(31) NOT NULL,
    code_nonce         varchar(32) NOT NULL,
    centi_points       bigint      NOT NULL CHECK (centi_points BETWEEN 1 AND 1000),
    discount_fen       bigint      NOT NULL CHECK (discount_fen = centi_points * 3),
    purchase_fen       bigint      NOT NULL CHECK (purchase_fen >= discount_fen),
    transfer_id        bigint,
    created_at         timestamptz NOT NULL,
    CONSTRAINT merchant_alliance_redemption_code_once UNIQUE (code_nonce)
);
CREATE INDEX merchant_alliance_redemption_merchant_time ON merchant_alliance_redemption (merchant_id, created_at);
CREATE INDEX merchant_alliance_redemption_time ON merchant_alliance_redemption (created_at);

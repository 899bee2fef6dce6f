--liquibase formatted sql

--changeset merchant-alliance:0003-fee-receipts
-- R-MERCHANT-3 and R-FIN-1: a merchant's management fee for a month, received once; the spending and rate it was
-- computed from are kept with it.
CREATE TABLE merchant_alliance_fee_receipt (
    merchant_id  uuid        NOT NULL REFERENCES merchant_alliance_merchant (id),
    month        date        NOT NULL CHECK (extract(day FROM month) = 1),
    spending_fen bigint      NOT NULL CHECK (spending_fen > 0),
    fee_rate_bp  integer     NOT NULL CHECK (fee_rate_bp BETWEEN 300 AND 500),
    fee_fen      bigint      NOT NULL CHECK (fee_fen > 0),
    receipt_no   varchar(64) NOT NULL,
    received_by  uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, month)
);

--liquibase formatted sql

--changeset merchant-alliance:0004-welcome-packs
-- R-MEMBER-2: the merchants' joint welcome pack of a member who registered in this branch, once per registration event
-- (events are delivered at least once).
CREATE TABLE merchant_alliance_welcome_pack (
    event_id   uuid        PRIMARY KEY,
    member_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX merchant_alliance_welcome_pack_member ON merchant_alliance_welcome_pack (member_id);

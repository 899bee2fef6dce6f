--liquibase formatted sql

--changeset core:0006-person-public-id
-- One opaque id per person across the whole API; the bigint id stays inside. A member's public id is their member id
-- (the branch changelog aligns existing members), so a member is named by one id everywhere.
ALTER TABLE platform.person ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE platform.person ADD CONSTRAINT person_public_id UNIQUE (public_id);

--liquibase formatted sql

--changeset core:0005-member-public-ids
-- A member's person is named in the API by the member's id (platform 0006 gave every person a random public id).
UPDATE platform.person p SET public_id = m.id FROM member m WHERE m.person_id = p.id AND p.public_id <> m.id;

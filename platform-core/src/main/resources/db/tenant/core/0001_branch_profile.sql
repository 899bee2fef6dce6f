--liquibase formatted sql

--changeset core:0001-branch-profile
CREATE TABLE branch_profile (
    id            smallint PRIMARY KEY CHECK (id = 1),
    phone         varchar(30),
    opening_hours varchar(100),
    introduction  varchar(2000),
    updated_by    varchar(40),
    updated_at    timestamptz
);
INSERT INTO branch_profile (id) VALUES (1);

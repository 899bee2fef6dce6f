--liquibase formatted sql

--changeset trouble:0001-notes
CREATE TABLE trouble_note (
    id         uuid         PRIMARY KEY,
    text       varchar(200) NOT NULL,
    written_by varchar(40)  NOT NULL
);
CREATE TABLE trouble_seen (
    event_id uuid        PRIMARY KEY,
    type     varchar(40) NOT NULL
);

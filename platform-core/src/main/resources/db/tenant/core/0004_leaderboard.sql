--liquibase formatted sql

--changeset core:0004-leaderboard
-- R-LEDGER-7: the monthly public leaderboard, anonymous by construction: a building and its members' points, nothing
-- that names a person.
CREATE TABLE leaderboard_entry (
    month         char(7)     NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    building_name varchar(60) NOT NULL,
    points        bigint      NOT NULL CHECK (points >= 0),
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (month, building_name)
);

--liquibase formatted sql

--changeset core:0000-platform-schema
CREATE SCHEMA IF NOT EXISTS platform;

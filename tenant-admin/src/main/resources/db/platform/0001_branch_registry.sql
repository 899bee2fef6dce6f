--liquibase formatted sql

--changeset tenant-admin:0001-branch-registry
CREATE TABLE platform.branch (
    code              varchar(31)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
    name              varchar(100) NOT NULL,
    address           varchar(200) NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('PREPARING', 'ACTIVE', 'SUSPENDED')),
    created_at        timestamptz  NOT NULL,
    status_changed_at timestamptz  NOT NULL
);

CREATE TABLE platform.branch_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch_code varchar(31)  NOT NULL REFERENCES platform.branch (code),
    from_status varchar(16),
    to_status   varchar(16)  NOT NULL,
    changed_by  varchar(40)  NOT NULL,
    changed_at  timestamptz  NOT NULL,
    reason      varchar(500)
);
CREATE INDEX branch_status_change_branch ON platform.branch_status_change (branch_code, changed_at);

CREATE TABLE platform.branch_setup_item (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch_code varchar(31)  NOT NULL REFERENCES platform.branch (code),
    item        varchar(32)  NOT NULL,
    done        boolean      NOT NULL DEFAULT false,
    note        varchar(500),
    updated_by  varchar(40),
    updated_at  timestamptz,
    UNIQUE (branch_code, item)
);

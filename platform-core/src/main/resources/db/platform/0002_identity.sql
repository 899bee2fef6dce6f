--liquibase formatted sql

--changeset core:0002-identity
CREATE TABLE platform.person (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      varchar(40)  NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name  varchar(60)  NOT NULL,
    password_hash varchar(100) NOT NULL,
    home_branch   varchar(31)  REFERENCES platform.branch (code),
    hq_admin      boolean      NOT NULL DEFAULT false,
    failed_logins integer      NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz  NOT NULL
);

CREATE TABLE platform.role_grant (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint      NOT NULL REFERENCES platform.person (id),
    branch_code varchar(31) NOT NULL REFERENCES platform.branch (code),
    role        varchar(20) NOT NULL CHECK (role IN ('BRANCH_HEAD', 'STEWARD', 'FINANCE', 'VOLUNTEER', 'MEMBER',
                                                    'MERCHANT', 'GOV_VIEWER')),
    granted_by  varchar(40) NOT NULL,
    granted_at  timestamptz NOT NULL,
    UNIQUE (person_id, branch_code, role)
);
CREATE INDEX role_grant_branch ON platform.role_grant (branch_code, role);

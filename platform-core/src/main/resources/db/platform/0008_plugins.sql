--liquibase formatted sql

--changeset core:0008-plugin-offers
-- HQ offers an installed plugin to a branch; the branch head switches an offered plugin on or off and sets its
-- settings. Switching off keeps the plugin's tables and data in the branch schema.
CREATE TABLE platform.plugin_offer (
    plugin_id   varchar(40) NOT NULL CHECK (plugin_id ~ '^[a-z][a-z0-9-]{1,39}$'),
    branch_code varchar(31) NOT NULL REFERENCES platform.branch (code),
    offered_by  varchar(40) NOT NULL,
    offered_at  timestamptz NOT NULL,
    PRIMARY KEY (plugin_id, branch_code)
);
CREATE TABLE platform.plugin_enablement (
    plugin_id      varchar(40) NOT NULL,
    branch_code    varchar(31) NOT NULL,
    enabled        boolean     NOT NULL,
    settings       jsonb       NOT NULL DEFAULT '{}',
    schema_version varchar(40),
    changed_by     varchar(40) NOT NULL,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (plugin_id, branch_code),
    FOREIGN KEY (plugin_id, branch_code) REFERENCES platform.plugin_offer (plugin_id, branch_code)
);
CREATE INDEX plugin_enablement_branch ON platform.plugin_enablement (branch_code) WHERE enabled;
-- Every change of an offer, a switch or a setting: who, when, before and after.
CREATE TABLE platform.plugin_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plugin_id   varchar(40)  NOT NULL,
    branch_code varchar(31)  NOT NULL,
    action      varchar(20)  NOT NULL CHECK (action IN ('OFFERED', 'WITHDRAWN', 'ENABLED', 'DISABLED', 'SETTINGS')),
    before      jsonb,
    after       jsonb,
    changed_by  varchar(40)  NOT NULL,
    changed_at  timestamptz  NOT NULL
);
CREATE INDEX plugin_change_branch ON platform.plugin_change (branch_code, plugin_id, id);

--changeset core:0008-domain-events
-- The transactional outbox: an event is written in the transaction of the change that raised it, with one delivery
-- per plugin enabled in its branch that listens to its type. Deliveries are claimed row by row (FOR UPDATE SKIP
-- LOCKED, so several instances share the work), retried with backoff, and parked after repeated failures.
CREATE TABLE platform.domain_event (
    id          uuid        PRIMARY KEY,
    type        varchar(40) NOT NULL,
    branch_code varchar(31) NOT NULL REFERENCES platform.branch (code),
    occurred_at timestamptz NOT NULL,
    attributes  jsonb       NOT NULL
);
CREATE TABLE platform.event_delivery (
    event_id        uuid          NOT NULL REFERENCES platform.domain_event (id),
    plugin_id       varchar(40)   NOT NULL,
    status          varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    last_error      varchar(500),
    delivered_at    timestamptz,
    PRIMARY KEY (event_id, plugin_id)
);
CREATE INDEX event_delivery_due ON platform.event_delivery (plugin_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX event_delivery_parked ON platform.event_delivery (plugin_id) WHERE status = 'PARKED';

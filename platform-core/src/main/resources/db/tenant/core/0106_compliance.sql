--liquibase formatted sql

--changeset care:0106-compliance
-- R-COMPLIANCE-1..5: the monthly self-check. Items the system checks itself (AUTO) and the signed checklist
-- (CHECKLIST), each with its owner (a role) and, for a finding, its fix deadline.
CREATE TABLE compliance_item (
    month       char(7)      NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    item        varchar(40)  NOT NULL,
    source      varchar(10)  NOT NULL CHECK (source IN ('AUTO', 'CHECKLIST')),
    rule        varchar(20)  NOT NULL,
    owner_role  varchar(20)  NOT NULL,
    status      varchar(10)  NOT NULL CHECK (status IN ('PASS', 'FINDING', 'PENDING')),
    detail      varchar(1000),
    checked_at  timestamptz  NOT NULL,
    fix_due_at  timestamptz,
    fixed_at    timestamptz,
    fixed_by    varchar(40),
    signed_by   varchar(40),
    signed_at   timestamptz,
    PRIMARY KEY (month, item),
    CHECK (status <> 'FINDING' OR fix_due_at IS NOT NULL)
);

--liquibase formatted sql

--changeset core:0010-branch-month-figures
-- HQ's charts read service hours and members per branch per month from this one table instead of querying every
-- branch schema on each view (thousands of branches): the branch-figures job refreshes each ACTIVE branch's current
-- and previous month once a day, from that branch's own tables (ADR 0017).
CREATE TABLE platform.branch_month_figure (
    branch_code     varchar(31) NOT NULL REFERENCES platform.branch (code),
    month           date        NOT NULL CHECK (extract(day FROM month) = 1),
    service_minutes bigint      NOT NULL CHECK (service_minutes >= 0),
    services        integer     NOT NULL CHECK (services >= 0),
    members         integer     NOT NULL CHECK (members >= 0),
    computed_at     timestamptz NOT NULL,
    PRIMARY KEY (branch_code, month)
);
CREATE INDEX branch_month_figure_month ON platform.branch_month_figure (month);

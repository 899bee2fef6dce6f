--liquibase formatted sql

--changeset care:0104-incidents
-- R-INCIDENT-1..3: a safety incident during a service order, reported at once; the steward's arrival and the call to
-- 120 with their times; the incident report (causes, process improvements) due 24 hours after the report. The
-- injured person is named by their member's public id only; the insurer's claim is the insurance plugin's.
CREATE TABLE incident (
    id                 uuid          PRIMARY KEY,
    service_request_id bigint        NOT NULL REFERENCES service_request (id),
    injured_member     uuid,
    place              varchar(200)  NOT NULL,
    what_happened      varchar(1000) NOT NULL,
    injuries           varchar(500)  NOT NULL,
    occurred_at        timestamptz   NOT NULL,
    reported_at        timestamptz   NOT NULL,
    reported_by        varchar(40)   NOT NULL,
    steward_arrived_at timestamptz,
    steward_arrived_by varchar(40),
    ambulance_called_at timestamptz,
    report_due_at      timestamptz   NOT NULL,
    report_filed_at    timestamptz,
    report_filed_by    varchar(40),
    causes             varchar(2000),
    improvements       varchar(2000),
    CHECK ((report_filed_at IS NULL) = (causes IS NULL) AND (causes IS NULL) = (improvements IS NULL))
);
CREATE INDEX incident_report_open ON incident (report_due_at) WHERE report_filed_at IS NULL;

-- R-INCIDENT-2: the emergency fund, part of the mutual-aid fund: advances for urgent medical costs and the insurer's
-- reimbursements, append-only, in fen.
CREATE TABLE mutual_aid_fund_movement (
    id          uuid         PRIMARY KEY,
    kind        varchar(15)  NOT NULL CHECK (kind IN ('ADVANCE', 'REIMBURSEMENT')),
    incident_id uuid         NOT NULL REFERENCES incident (id),
    amount_fen  bigint       NOT NULL CHECK (amount_fen > 0),
    reference   varchar(60)  NOT NULL,
    recorded_by varchar(40)  NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX mutual_aid_fund_movement_incident ON mutual_aid_fund_movement (incident_id);

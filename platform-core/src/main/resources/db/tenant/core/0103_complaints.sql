--liquibase formatted sql

--changeset care:0103-complaints
-- R-COMPLAINT-1..3: the complaint ledger (投诉处理台账). A complaint is contacted within 1 hour and resolved within
-- 24 hours of intake (the due times are stored, so a later change of the rule does not move old clocks); the outcome
-- names the sanction applied through the ledger, the volunteer or the member services. No private data here: people
-- are named by their members' public ids; the description is what the complainant said about the service.
CREATE TABLE complaint (
    id                   uuid          PRIMARY KEY,
    channel              varchar(10)   NOT NULL CHECK (channel IN ('PHONE', 'APP', 'IN_PERSON')),
    subject_type         varchar(15)   NOT NULL CHECK (subject_type IN ('SERVICE_ORDER', 'VOLUNTEER', 'MEMBER',
                                                                       'MERCHANT')),
    subject_ref          varchar(60)   NOT NULL,
    complainant_member   uuid,
    description          varchar(1000) NOT NULL,
    received_at          timestamptz   NOT NULL,
    received_by          varchar(40)   NOT NULL,
    contact_due_at       timestamptz   NOT NULL,
    resolve_due_at       timestamptz   NOT NULL,
    contacted_at         timestamptz,
    contacted_by         varchar(40),
    contact_note         varchar(500),
    resolved_at          timestamptz,
    resolved_by          varchar(40),
    resolution           varchar(1000),
    outcome              varchar(30)   CHECK (outcome IN ('NO_FAULT', 'SETTLED', 'VOLUNTEER_BELOW_STANDARD',
                                                          'MALICIOUS', 'MALICIOUS_SERIOUS')),
    sanctioned_member    uuid,
    penalty_points       bigint        CHECK (penalty_points > 0),
    sanctioned_until     date,
    retraining_required  boolean       NOT NULL DEFAULT false,
    CHECK ((resolved_at IS NULL) = (outcome IS NULL)),
    CHECK (resolved_at IS NULL OR contacted_at IS NOT NULL)
);
CREATE INDEX complaint_open ON complaint (received_at) WHERE resolved_at IS NULL;
CREATE INDEX complaint_subject ON complaint (subject_type, subject_ref);

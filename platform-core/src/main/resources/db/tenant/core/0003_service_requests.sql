--liquibase formatted sql

--changeset core:0003-service-requests
-- R-SERVICE-1: a request posted in this branch, possibly by a member of another branch (R-LEDGER-2): the requester is
-- identified by person id and home branch, their member row living in the home branch's schema.
CREATE TABLE service_request (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requester_person_id   bigint        NOT NULL,
    requester_home_branch varchar(31)   NOT NULL,
    requester_name        varchar(40)   NOT NULL,
    service_type          varchar(40)   NOT NULL REFERENCES skill_tag (code),
    starts_at             timestamptz   NOT NULL,
    place                 varchar(200)  NOT NULL,
    building_id           bigint        REFERENCES building (id),
    expected_minutes      integer       NOT NULL CHECK (expected_minutes BETWEEN 15 AND 480
                                                        AND expected_minutes % 15 = 0),
    description           varchar(1000) NOT NULL,
    pay_with_points       boolean       NOT NULL,
    status                varchar(20)   NOT NULL CHECK (status IN ('PENDING_REVIEW', 'REJECTED', 'OFFERED',
                                                        'ACCEPTED', 'COMPLETED', 'CANCELLED')),
    created_at            timestamptz   NOT NULL,
    reviewed_by           varchar(40),
    reviewed_at           timestamptz,
    review_reason         varchar(200),
    volunteer_member_id   uuid          REFERENCES volunteer (member_id),
    volunteer_person_id   bigint,
    accepted_at           timestamptz
);
CREATE INDEX service_request_status ON service_request (status, created_at);
CREATE INDEX service_request_requester ON service_request (requester_person_id, created_at DESC);
CREATE INDEX service_request_volunteer ON service_request (volunteer_member_id, status);

-- R-SERVICE-3, R-SERVICE-4: a request offered to a ranked volunteer, who may accept until it expires.
CREATE TABLE service_offer (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          bigint      NOT NULL REFERENCES service_request (id),
    volunteer_member_id uuid        NOT NULL REFERENCES volunteer (member_id),
    volunteer_person_id bigint      NOT NULL,
    rank                integer     NOT NULL CHECK (rank BETWEEN 1 AND 5),
    skill_match         boolean     NOT NULL,
    metres              bigint,
    open_orders         integer     NOT NULL,
    status              varchar(10) NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'LAPSED')),
    offered_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    UNIQUE (request_id, volunteer_member_id)
);
CREATE INDEX service_offer_volunteer ON service_offer (volunteer_person_id, status);
CREATE INDEX service_offer_open ON service_offer (expires_at) WHERE status = 'OPEN';

--changeset core:0003-service-completion
-- R-SERVICE-5, R-SERVICE-6: the confirmed service and the points it moved, in centi-points.
ALTER TABLE service_request
    ADD COLUMN actual_minutes  integer CHECK (actual_minutes > 0 AND actual_minutes % 15 = 0),
    ADD COLUMN rating          integer CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN confirmed_at    timestamptz,
    ADD COLUMN confirmed_by    varchar(40),
    ADD COLUMN paper_form_no   varchar(40),
    ADD COLUMN credited        bigint,
    ADD COLUMN paid            bigint,
    ADD COLUMN promotion_bonus bigint,
    ADD CONSTRAINT service_request_completed
        CHECK ((status = 'COMPLETED') = (confirmed_at IS NOT NULL AND actual_minutes IS NOT NULL
                                         AND rating IS NOT NULL AND credited IS NOT NULL));

-- R-SERVICE-10: a day on which service points are multiplied, e.g. the launch 首存日 (×2).
CREATE TABLE promotion_day (
    day        date        PRIMARY KEY,
    multiplier integer     NOT NULL CHECK (multiplier BETWEEN 2 AND 10),
    name       varchar(60) NOT NULL,
    set_by     varchar(40) NOT NULL,
    set_at     timestamptz NOT NULL
);

-- R-SERVICE-5: photos and videos the volunteer attaches, kept in the database with their digest.
CREATE TABLE service_evidence (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  bigint      NOT NULL REFERENCES service_request (id),
    media_type  varchar(20) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'video/mp4')),
    size_bytes  integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    sha256      char(64)    NOT NULL,
    content     bytea       NOT NULL,
    uploaded_by varchar(40) NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX service_evidence_request ON service_evidence (request_id, id);

--changeset core:0003-service-cancellation
-- R-SERVICE-7..9: cancellations (and a steward's judgement that one was malicious) and volunteer no-shows.
ALTER TABLE service_request DROP CONSTRAINT service_request_status_check;
ALTER TABLE service_request
    ADD CONSTRAINT service_request_status_check CHECK (status IN ('PENDING_REVIEW', 'REJECTED', 'OFFERED', 'ACCEPTED',
                                                                  'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    ADD COLUMN cancelled_at        timestamptz,
    ADD COLUMN cancel_reason       varchar(200),
    ADD COLUMN judged_malicious_by varchar(40),
    ADD COLUMN judged_malicious_at timestamptz,
    ADD COLUMN no_show_recorded_by varchar(40),
    ADD COLUMN no_show_at          timestamptz;

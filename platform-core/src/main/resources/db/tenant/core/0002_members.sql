--liquibase formatted sql

--changeset core:0002-buildings
CREATE TABLE building (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(60)  NOT NULL UNIQUE,
    units      integer      NOT NULL CHECK (units BETWEEN 1 AND 99),
    latitude   numeric(9,6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude  numeric(9,6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    created_at timestamptz  NOT NULL
);
-- person_id points into platform.person; no foreign key across schemas, so that a branch schema can move alone.
CREATE TABLE building_steward (
    building_id bigint      NOT NULL REFERENCES building (id),
    person_id   bigint      NOT NULL,
    assigned_by varchar(40) NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (building_id, person_id)
);
CREATE INDEX building_steward_person ON building_steward (person_id);

--changeset core:0002-members
CREATE TABLE member (
    id                     uuid         PRIMARY KEY,
    person_id              bigint       NOT NULL UNIQUE,
    name                   varchar(40)  NOT NULL,
    building_id            bigint       NOT NULL REFERENCES building (id),
    unit                   integer      NOT NULL CHECK (unit BETWEEN 1 AND 99),
    address_enc            bytea        NOT NULL,
    phone_enc              bytea,
    id_number_enc          bytea        NOT NULL,
    emergency_name_enc     bytea,
    emergency_phone_enc    bytea,
    birth_date             date         NOT NULL,
    registration_channel   varchar(10)  NOT NULL CHECK (registration_channel IN ('ONLINE', 'STEWARD')),
    paper_form_no          varchar(40),
    entered_by             varchar(40),
    referrer_id            uuid         REFERENCES member (id),
    frozen_until           date,
    freeze_reason          varchar(200),
    revoked_at             timestamptz,
    revoke_reason          varchar(200),
    registered_at          timestamptz  NOT NULL,
    CHECK (registration_channel = 'ONLINE' OR paper_form_no IS NOT NULL)
);
CREATE INDEX member_building ON member (building_id);
CREATE INDEX member_referrer ON member (referrer_id);
CREATE INDEX member_birthday ON member (extract(month FROM birth_date), extract(day FROM birth_date));

-- Every read of clear personal data (R-MEMBER-3): who, whose, when, why.
CREATE TABLE pii_access_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_by varchar(40)  NOT NULL,
    member_id   uuid         NOT NULL REFERENCES member (id),
    fields      varchar(200) NOT NULL,
    reason      varchar(200) NOT NULL,
    accessed_at timestamptz  NOT NULL
);
CREATE INDEX pii_access_log_at ON pii_access_log (accessed_at DESC, id DESC);

--changeset core:0002-memberships
CREATE TABLE fee_payment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   uuid        NOT NULL REFERENCES member (id),
    type        varchar(12) NOT NULL CHECK (type IN ('TRIAL', 'CO_CREATION')),
    amount_fen  bigint      NOT NULL CHECK (amount_fen > 0),
    currency    char(3)     NOT NULL DEFAULT 'CNY',
    channel     varchar(8)  NOT NULL CHECK (channel IN ('ONLINE', 'CASH')),
    receipt_no  varchar(40) NOT NULL,
    received_by varchar(40),
    recorded_by varchar(40) NOT NULL,
    paid_at     timestamptz NOT NULL,
    UNIQUE (channel, receipt_no),
    CHECK (channel = 'ONLINE' OR received_by IS NOT NULL)
);
CREATE TABLE membership (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id        uuid        NOT NULL REFERENCES member (id),
    type             varchar(12) NOT NULL CHECK (type IN ('TRIAL', 'CO_CREATION')),
    starts_on        date        NOT NULL,
    ends_on          date        NOT NULL,
    fee_payment_id   bigint      NOT NULL UNIQUE REFERENCES fee_payment (id),
    founding_benefit boolean     NOT NULL DEFAULT false,
    CHECK (ends_on > starts_on)
);
CREATE INDEX membership_member ON membership (member_id, ends_on);
-- The branch's income ledger in fen (R-FIN-1); membership fees are its first source.
CREATE TABLE branch_income (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      varchar(20)  NOT NULL CHECK (source IN ('MEMBERSHIP_FEE', 'MERCHANT_FEE', 'OTHER')),
    amount_fen  bigint       NOT NULL CHECK (amount_fen > 0),
    currency    char(3)      NOT NULL DEFAULT 'CNY',
    reference   varchar(60)  NOT NULL,
    description varchar(200) NOT NULL,
    recorded_by varchar(40)  NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE TABLE service_voucher (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     uuid        NOT NULL REFERENCES member (id),
    membership_id bigint      NOT NULL REFERENCES membership (id),
    minutes       integer     NOT NULL CHECK (minutes > 0),
    issued_at     timestamptz NOT NULL,
    used_at       timestamptz
);
-- Counts that must not race, such as the first 50 co-creation members of R-MEMBER-2.
CREATE TABLE branch_counter (
    name  varchar(40) PRIMARY KEY,
    value bigint      NOT NULL
);
INSERT INTO branch_counter (name, value) VALUES ('co_creation_members', 0);

--changeset core:0002-volunteers
CREATE TABLE skill_tag (
    code    varchar(30) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
    name_zh varchar(30) NOT NULL,
    name_en varchar(40) NOT NULL,
    active  boolean     NOT NULL DEFAULT true
);
INSERT INTO skill_tag (code, name_zh, name_en) VALUES
    ('ESCORT_CLINIC', '陪同就医', 'Escort to clinic'),
    ('SHOPPING', '代购', 'Shopping'),
    ('REPAIR', '维修', 'Repair'),
    ('ELDERLY_CARE', '助老照护', 'Elderly care'),
    ('PHONE_HELP', '手机帮助', 'Phone help');
CREATE TABLE volunteer (
    member_id            uuid        PRIMARY KEY REFERENCES member (id),
    applied_on           date        NOT NULL,
    training_day1        boolean     NOT NULL DEFAULT false,
    training_day2        boolean     NOT NULL DEFAULT false,
    scenario_test_passed boolean,
    certificate_no       varchar(40) UNIQUE,
    certified_at         timestamptz,
    suspended_until      date,
    suspension_reason    varchar(200)
);
CREATE TABLE volunteer_skill (
    member_id  uuid        NOT NULL REFERENCES volunteer (member_id),
    skill_code varchar(30) NOT NULL REFERENCES skill_tag (code),
    PRIMARY KEY (member_id, skill_code)
);

--changeset core:0002-levels-and-inbox
CREATE TABLE level_benefit (
    level       integer      PRIMARY KEY CHECK (level BETWEEN 1 AND 100),
    benefits_zh varchar(500) NOT NULL,
    benefits_en varchar(500) NOT NULL
);
INSERT INTO level_benefit (level, benefits_zh, benefits_en) VALUES
    (1, '服务优先匹配', 'Priority matching for requests'),
    (3, '每季度一次免费社区活动', 'One free community activity a quarter'),
    (5, '年度健康体检', 'Annual health check');
-- The in-app inbox, also the outbox that later delivery channels (SMS, WeChat) read from.
CREATE TABLE notification (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint        NOT NULL,
    kind       varchar(30)   NOT NULL,
    title      varchar(100)  NOT NULL,
    body       varchar(1000) NOT NULL,
    dedupe_key varchar(100)  NOT NULL UNIQUE,
    created_at timestamptz   NOT NULL,
    read_at    timestamptz
);
CREATE INDEX notification_person ON notification (person_id, id DESC);

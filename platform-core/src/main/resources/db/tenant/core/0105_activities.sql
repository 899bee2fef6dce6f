--liquibase formatted sql

--changeset care:0105-activities
-- R-ACTIVITY-1: members propose activities for a month and vote, one vote per member per proposal; the head chooses
-- 2 or 3 of them, each becoming an activity.
CREATE TABLE activity_proposal (
    id          uuid          PRIMARY KEY,
    month       char(7)       NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    title       varchar(100)  NOT NULL,
    description varchar(1000) NOT NULL,
    proposed_by uuid          NOT NULL REFERENCES member (id),
    proposed_at timestamptz   NOT NULL
);
CREATE INDEX activity_proposal_month ON activity_proposal (month);
CREATE TABLE activity_vote (
    proposal_id uuid        NOT NULL REFERENCES activity_proposal (id),
    member_id   uuid        NOT NULL REFERENCES member (id),
    voted_at    timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, member_id)
);
-- R-ACTIVITY-2..4: the plan (budget at most 2,000.00 CNY; sponsorship shown), the announcement at least 7 days ahead,
-- the summary due 24 hours after the end. Costs go through the expenses (expense_id).
CREATE TABLE activity (
    id              uuid          PRIMARY KEY,
    proposal_id     uuid          NOT NULL UNIQUE REFERENCES activity_proposal (id),
    month           char(7)       NOT NULL,
    title           varchar(100)  NOT NULL,
    chosen_by       varchar(40)   NOT NULL,
    chosen_at       timestamptz   NOT NULL,
    starts_at       timestamptz,
    ends_at         timestamptz,
    place           varchar(200),
    program         varchar(2000),
    materials       varchar(1000),
    budget_fen      bigint        CHECK (budget_fen BETWEEN 0 AND 200000),
    sponsorship_fen bigint        NOT NULL DEFAULT 0 CHECK (sponsorship_fen >= 0),
    sponsor         varchar(100),
    expense_id      uuid,
    announced_at    timestamptz,
    summary         varchar(4000),
    summary_filed_at timestamptz,
    summary_filed_by varchar(40),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX activity_month ON activity (month);
-- Solitary elderly members a steward invites in person, per activity; the invitation is recorded.
CREATE TABLE activity_invitation (
    activity_id uuid        NOT NULL REFERENCES activity (id),
    member_id   uuid        NOT NULL REFERENCES member (id),
    invited_by  varchar(40) NOT NULL,
    invited_at  timestamptz NOT NULL,
    PRIMARY KEY (activity_id, member_id)
);
CREATE TABLE activity_sign_in (
    activity_id  uuid        NOT NULL REFERENCES activity (id),
    member_id    uuid        NOT NULL REFERENCES member (id),
    signed_in_by varchar(40) NOT NULL,
    signed_in_at timestamptz NOT NULL,
    PRIMARY KEY (activity_id, member_id)
);
CREATE TABLE activity_feedback (
    activity_id uuid         NOT NULL REFERENCES activity (id),
    member_id   uuid         NOT NULL REFERENCES member (id),
    score       integer      NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     varchar(500),
    given_at    timestamptz  NOT NULL,
    PRIMARY KEY (activity_id, member_id)
);
-- The steward's register of members who live alone (独居老人), whom they invite to activities in person.
CREATE TABLE solitary_member (
    member_id uuid        PRIMARY KEY REFERENCES member (id),
    marked_by varchar(40) NOT NULL,
    marked_at timestamptz NOT NULL
);

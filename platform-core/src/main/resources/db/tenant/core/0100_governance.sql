--liquibase formatted sql

--changeset finance:0100-governance-bodies
-- The branch's governance bodies, appointed by the branch head, with their history: the member representative
-- council (10 co-creation members; votes on expenses above 5,000 CNY, R-FIN-2) and each quarter's finance supervision
-- group (3 co-creation members, R-FIN-4; also rules on redemption disputes, R-COMPLAINT-4). A seat is never deleted:
-- it ends, and the row keeps who appointed and who ended it.
CREATE TABLE council_seat (
    id           uuid        PRIMARY KEY,
    member_id    uuid        NOT NULL REFERENCES member (id),
    person_id    bigint      NOT NULL,
    seated_on    date        NOT NULL,
    ended_on     date,
    appointed_by varchar(40) NOT NULL,
    appointed_at timestamptz NOT NULL,
    ended_by     varchar(40),
    ended_at     timestamptz,
    CHECK (ended_on IS NULL OR ended_on >= seated_on),
    CHECK ((ended_on IS NULL) = (ended_by IS NULL))
);
CREATE UNIQUE INDEX council_seat_open ON council_seat (member_id) WHERE ended_on IS NULL;
CREATE INDEX council_seat_person ON council_seat (person_id, seated_on);

CREATE TABLE supervision_seat (
    id           uuid        PRIMARY KEY,
    quarter      char(7)     NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    member_id    uuid        NOT NULL REFERENCES member (id),
    person_id    bigint      NOT NULL,
    appointed_by varchar(40) NOT NULL,
    appointed_at timestamptz NOT NULL,
    removed_by   varchar(40),
    removed_at   timestamptz,
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE UNIQUE INDEX supervision_seat_current ON supervision_seat (quarter, member_id) WHERE removed_at IS NULL;
CREATE INDEX supervision_seat_person ON supervision_seat (person_id, quarter);

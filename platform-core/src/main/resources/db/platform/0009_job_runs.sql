--liquibase formatted sql

--changeset core:0009-job-runs
-- Every run of a scheduled job (ADR 0013): when it started and finished, on which instance, what it found. A run
-- that met another instance's run of the same job is recorded as SKIPPED.
CREATE TABLE platform.job_run (
    id          uuid        PRIMARY KEY,
    job         varchar(60) NOT NULL,
    day         date        NOT NULL,
    trigger     varchar(20) NOT NULL CHECK (trigger IN ('SCHEDULE', 'CATCH_UP', 'MANUAL')),
    status      varchar(20) NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'SKIPPED')),
    instance    varchar(100) NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    branches    integer,
    found       integer,
    detail      varchar(500)
);
CREATE INDEX job_run_job_started ON platform.job_run (job, started_at DESC);
CREATE INDEX job_run_job_day_finished ON platform.job_run (job, day) WHERE status = 'FINISHED';

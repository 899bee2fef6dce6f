--liquibase formatted sql

--changeset finance:0101-cash-book-income
-- R-FIN-1: branch_income is the income side of the cash book. Every source of the rulebook, an opaque public id, the
-- booking day (the business day the money came in, filled from recorded_at when a writer leaves it out), and for cash
-- who holds it until it is handed over to the finance officer.
ALTER TABLE branch_income DROP CONSTRAINT branch_income_source_check;
ALTER TABLE branch_income ADD CONSTRAINT branch_income_source_check CHECK (source IN
    ('MEMBERSHIP_FEE', 'MERCHANT_FEE', 'SPACE_RENTAL', 'CUSTOM_SERVICE', 'SPONSORSHIP', 'OTHER'));
ALTER TABLE branch_income
    ADD COLUMN public_id   uuid       NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN booked_on   date,
    ADD COLUMN channel     varchar(8) NOT NULL DEFAULT 'ONLINE' CHECK (channel IN ('ONLINE', 'CASH')),
    ADD COLUMN received_by varchar(40);
UPDATE branch_income SET booked_on = (recorded_at AT TIME ZONE 'Asia/Shanghai')::date;
UPDATE branch_income i SET channel = f.channel, received_by = f.received_by
FROM fee_payment f WHERE i.reference = 'fee_payment:' || f.id;
ALTER TABLE branch_income ALTER COLUMN booked_on SET NOT NULL;
ALTER TABLE branch_income ADD CONSTRAINT branch_income_public_id UNIQUE (public_id);
ALTER TABLE branch_income ADD CONSTRAINT branch_income_cash_holder CHECK (channel = 'ONLINE' OR received_by IS NOT NULL);
CREATE INDEX branch_income_booked ON branch_income (booked_on, id);

--changeset finance:0101-periods
-- A month whose books are closed (MonthClosed), and a year locked with its audited result (R-FIN-5). Nothing is booked
-- into a closed month; locking a year closes all its months.
CREATE TABLE finance_month (
    month     char(7)     PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    closed_by varchar(40) NOT NULL,
    closed_at timestamptz NOT NULL
);
CREATE TABLE finance_audit_report (
    year        integer     PRIMARY KEY,
    auditor     varchar(100) NOT NULL,
    media_type  varchar(20) NOT NULL CHECK (media_type = 'application/pdf'),
    size_bytes  integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256      char(64)    NOT NULL,
    content     bytea       NOT NULL,
    uploaded_by varchar(40) NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE TABLE finance_year (
    year           integer     PRIMARY KEY REFERENCES finance_audit_report (year),
    net_profit_fen bigint      NOT NULL,
    result         jsonb       NOT NULL,
    locked_by      varchar(40) NOT NULL,
    locked_at      timestamptz NOT NULL
);

--changeset finance:0101-expenses
-- R-FIN-2: an expense request, its approvals (tiers HEAD and CORE_TEAM), its council votes (tier COUNCIL), its invoices
-- and its payment: each an immutable record with who and when. The tier is fixed by the amount, to the fen.
CREATE TABLE expense (
    id                  uuid         PRIMARY KEY,
    item                varchar(12)  NOT NULL CHECK (item IN ('STAFF', 'SITE', 'TECHNOLOGY', 'OPERATIONS', 'TAX')),
    amount_fen          bigint       NOT NULL CHECK (amount_fen > 0),
    currency            char(3)      NOT NULL DEFAULT 'CNY',
    tier                varchar(10)  NOT NULL,
    payee               varchar(100) NOT NULL,
    description         varchar(500) NOT NULL,
    requested_by_person bigint       NOT NULL,
    requested_by        varchar(40)  NOT NULL,
    requested_at        timestamptz  NOT NULL,
    CHECK (tier = CASE WHEN amount_fen <= 50000 THEN 'HEAD' WHEN amount_fen <= 500000 THEN 'CORE_TEAM'
                       ELSE 'COUNCIL' END)
);
CREATE INDEX expense_requested ON expense (requested_at DESC, id);
CREATE TABLE expense_approval (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expense_id      uuid         NOT NULL REFERENCES expense (id),
    approver_person bigint       NOT NULL,
    approver        varchar(40)  NOT NULL,
    approver_roles  varchar(60)  NOT NULL,
    approved        boolean      NOT NULL,
    note            varchar(200),
    decided_at      timestamptz  NOT NULL,
    CONSTRAINT expense_approval_once UNIQUE (expense_id, approver_person)
);
CREATE TABLE expense_vote (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expense_id   uuid        NOT NULL REFERENCES expense (id),
    voter_person bigint      NOT NULL,
    voter_member uuid        NOT NULL,
    in_favour    boolean     NOT NULL,
    voted_at     timestamptz NOT NULL,
    CONSTRAINT expense_vote_once UNIQUE (expense_id, voter_person)
);
CREATE TABLE expense_invoice (
    id          uuid        PRIMARY KEY,
    expense_id  uuid        NOT NULL REFERENCES expense (id),
    media_type  varchar(20) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes  integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    sha256      char(64)    NOT NULL,
    content     bytea       NOT NULL,
    uploaded_by varchar(40) NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX expense_invoice_expense ON expense_invoice (expense_id);
-- the payment is the expense's line in the cash book: once per expense (primary key)
CREATE TABLE expense_payment (
    expense_id     uuid        PRIMARY KEY REFERENCES expense (id),
    amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
    reference      varchar(60) NOT NULL,
    booked_on      date        NOT NULL,
    paid_by_person bigint      NOT NULL,
    paid_by        varchar(40) NOT NULL,
    paid_at        timestamptz NOT NULL
);
CREATE INDEX expense_payment_booked ON expense_payment (booked_on);

--changeset finance:0101-corrections-and-cash
-- A correction never edits an entry: it is a new line, booked when it is made (in the current open month and year),
-- that names the income line or the paid expense it corrects and the signed amount it adds to it.
CREATE TABLE cash_correction (
    id               uuid         PRIMARY KEY,
    corrects_income  bigint       REFERENCES branch_income (id),
    corrects_expense uuid         REFERENCES expense_payment (expense_id),
    amount_fen       bigint       NOT NULL CHECK (amount_fen <> 0),
    booked_on        date         NOT NULL,
    reason           varchar(200) NOT NULL,
    recorded_by      varchar(40)  NOT NULL,
    recorded_at      timestamptz  NOT NULL,
    CHECK ((corrects_income IS NULL) <> (corrects_expense IS NULL))
);
CREATE INDEX cash_correction_booked ON cash_correction (booked_on);
-- Cash a steward (or the head) took, handed over to the finance officer: each income line once.
CREATE TABLE cash_handover (
    id                 uuid        PRIMARY KEY,
    handed_by          varchar(40) NOT NULL,
    received_by_person bigint      NOT NULL,
    received_by        varchar(40) NOT NULL,
    amount_fen         bigint      NOT NULL CHECK (amount_fen > 0),
    handed_at          timestamptz NOT NULL
);
CREATE TABLE cash_handover_line (
    income_id   bigint PRIMARY KEY REFERENCES branch_income (id),
    handover_id uuid   NOT NULL REFERENCES cash_handover (id)
);

--changeset finance:0101-disclosure-and-supervision
-- R-FIN-3: a month's published accounts; a correction is a further revision, never an edit.
CREATE TABLE disclosure (
    month        char(7)      NOT NULL,
    revision     integer      NOT NULL CHECK (revision >= 1),
    figures      jsonb        NOT NULL,
    reason       varchar(200),
    published_by varchar(40)  NOT NULL,
    published_at timestamptz  NOT NULL,
    PRIMARY KEY (month, revision),
    CHECK ((revision = 1) = (reason IS NULL))
);
-- R-FIN-4: the quarter's report of the supervision group, signed by its members over the report's digest.
CREATE TABLE supervision_report (
    quarter        char(7)       PRIMARY KEY,
    findings       varchar(4000) NOT NULL,
    result         varchar(14)   NOT NULL CHECK (result IN ('NO_ISSUES', 'ISSUES_FOUND')),
    sha256         char(64)      NOT NULL,
    filed_by       varchar(40)   NOT NULL,
    filed_at       timestamptz   NOT NULL
);
CREATE TABLE supervision_signature (
    quarter   char(7)     NOT NULL REFERENCES supervision_report (quarter),
    person_id bigint      NOT NULL,
    member_id uuid        NOT NULL,
    sha256    char(64)    NOT NULL,
    signed_at timestamptz NOT NULL,
    PRIMARY KEY (quarter, person_id)
);

--changeset finance:0101-immutable-and-locked splitStatements:false
-- Entries and decisions are never updated or deleted; nothing is booked into a closed month (a locked year's months
-- are all closed). The tables are found through the trigger's own schema, whatever the caller's search_path.
CREATE FUNCTION finance_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    closed boolean;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION '% on %.% refused: finance records are immutable', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
    END IF;
    IF TG_TABLE_NAME = 'branch_income' AND NEW.booked_on IS NULL THEN
        NEW.booked_on := (NEW.recorded_at AT TIME ZONE 'Asia/Shanghai')::date;
    END IF;
    IF TG_TABLE_NAME IN ('branch_income', 'expense_payment', 'cash_correction') THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.finance_month WHERE month = $1)', TG_TABLE_SCHEMA)
            INTO closed USING to_char(NEW.booked_on, 'YYYY-MM');
        IF closed THEN
            RAISE EXCEPTION 'The books of % are closed', to_char(NEW.booked_on, 'YYYY-MM')
                USING ERRCODE = 'check_violation', CONSTRAINT = 'finance_period_open';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER branch_income_guard BEFORE INSERT OR UPDATE OR DELETE ON branch_income
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER expense_payment_guard BEFORE INSERT OR UPDATE OR DELETE ON expense_payment
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER cash_correction_guard BEFORE INSERT OR UPDATE OR DELETE ON cash_correction
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER expense_guard BEFORE UPDATE OR DELETE ON expense
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER expense_approval_guard BEFORE UPDATE OR DELETE ON expense_approval
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER expense_vote_guard BEFORE UPDATE OR DELETE ON expense_vote
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER disclosure_guard BEFORE UPDATE OR DELETE ON disclosure
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER finance_year_guard BEFORE UPDATE OR DELETE ON finance_year
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER finance_audit_report_guard BEFORE UPDATE OR DELETE ON finance_audit_report
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER expense_invoice_guard BEFORE UPDATE OR DELETE ON expense_invoice
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER cash_handover_guard BEFORE UPDATE OR DELETE ON cash_handover
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER cash_handover_line_guard BEFORE UPDATE OR DELETE ON cash_handover_line
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER supervision_report_guard BEFORE UPDATE OR DELETE ON supervision_report
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();
CREATE TRIGGER supervision_signature_guard BEFORE UPDATE OR DELETE ON supervision_signature
    FOR EACH ROW EXECUTE FUNCTION finance_record_guard();

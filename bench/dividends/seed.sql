-- Seeds one branch (:'code', already onboarded through the API, with building 1) with :members co-creation members
-- and a year (:year) of ledger activity, the way the platform's own flows leave them: persons, member rows (private
-- fields sealed bytes that the run never reads), a paid co-creation year each, membership fees as income, and per
-- member 12 service credits (one a month, 1 to 8 hours), every fifth member also paid by residents 6 times, every
-- third 1 to 3 referrals, and a correction of one credit in a hundred. Set-based: a few seconds per 100,000 members.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seeded AS
WITH p AS (
    INSERT INTO platform.person (username, display_name, password_hash, home_branch, created_at)
    SELECT 'd-' || :'code' || '-' || g, '会员', '!', :'code', now() FROM generate_series(1, :members) g
    RETURNING id, public_id)
SELECT id AS person_id, public_id AS member_id, row_number() OVER (ORDER BY id) AS n FROM p;

INSERT INTO t_:code.member (id, person_id, name, building_id, unit, address_enc, id_number_enc, birth_date,
    registration_channel, paper_form_no, entered_by, registered_at)
SELECT member_id, person_id, '会员' || n, 1, 1, '\x00', '\x00', date '1960-01-01' + (n % 9000)::int, 'STEWARD',
    'BENCH-' || n, 'bench', make_timestamptz(:year - 1, 12, 1, 9, 0, 0, 'Asia/Shanghai')
FROM seeded;
INSERT INTO t_:code.fee_payment (member_id, type, amount_fen, channel, receipt_no, recorded_by, paid_at)
SELECT member_id, 'CO_CREATION', 100000, 'ONLINE', 'BENCH-' || n, 'bench',
    make_timestamptz(:year, 1 + (n % 12)::int, 1 + (n % 28)::int, 10, 0, 0, 'Asia/Shanghai')
FROM seeded;
INSERT INTO t_:code.membership (member_id, type, starts_on, ends_on, fee_payment_id)
SELECT f.member_id, 'CO_CREATION', (f.paid_at AT TIME ZONE 'Asia/Shanghai')::date,
    (f.paid_at AT TIME ZONE 'Asia/Shanghai')::date + interval '1 year', f.id
FROM t_:code.fee_payment f;
INSERT INTO t_:code.branch_income (source, amount_fen, reference, description, recorded_by, recorded_at, channel)
SELECT 'MEMBERSHIP_FEE', amount_fen, 'fee_payment:' || id, '会员费', 'bench', paid_at, 'ONLINE'
FROM t_:code.fee_payment;

INSERT INTO platform.ledger_account (type, branch_code, created_at)
VALUES ('ISSUANCE', :'code', now()) ON CONFLICT DO NOTHING;
INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
SELECT 'MEMBER', person_id, 0, now() FROM seeded;
CREATE TEMP TABLE acct AS
SELECT s.n, s.person_id, a.id AS account_id FROM seeded s
JOIN platform.ledger_account a ON a.type = 'MEMBER' AND a.person_id = s.person_id;
CREATE TEMP TABLE iss AS
SELECT id FROM platform.ledger_account WHERE type = 'ISSUANCE' AND branch_code = :'code';

-- a credit a month, 1 to 8 hours (quarter hours), issued by the branch
INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, idem_key,
    credit_balance_after, credit_home_branch, created_at, created_by)
SELECT 'SERVICE', iss.id, a.account_id, 25 * (4 + ((a.n * 7 + m) % 29)), :'code',
    'bench:service:' || a.n || ':' || m, 0, :'code',
    make_timestamptz(:year, m, 1 + ((a.n + m) % 28)::int, 9 + (a.n % 10)::int, 0, 0, 'Asia/Shanghai'), 'bench'
FROM acct a, iss, generate_series(1, 12) m;
-- every fifth member is also paid by a resident (another member) six times
INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, idem_key,
    debit_balance_after, credit_balance_after, debit_home_branch, credit_home_branch, created_at, created_by)
SELECT 'SERVICE_PAYMENT', r.account_id, a.account_id, 100, :'code', 'bench:payment:' || a.n || ':' || m, 0, 0,
    :'code', :'code', make_timestamptz(:year, 2 * m, 2, 15, 0, 0, 'Asia/Shanghai'), 'bench'
FROM acct a JOIN acct r ON r.n = a.n % :members + 1, generate_series(1, 6) m
WHERE a.n % 5 = 0;
-- every third member referred 1 to 3 members
INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, idem_key,
    credit_balance_after, credit_home_branch, created_at, created_by)
SELECT 'REFERRAL', iss.id, a.account_id, 2000, :'code', 'bench:referral:' || a.n || ':' || k, 0, :'code',
    make_timestamptz(:year, 1 + ((k - 1) * 4)::int, 10, 10, 0, 0, 'Asia/Shanghai'), 'bench'
FROM acct a, iss, generate_series(1, 3) k
WHERE a.n % 3 = 0 AND k <= 1 + a.n % 3 + (a.n / 3) % 3;
-- one credit in a hundred corrected: a quarter hour taken back from the volunteer
INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, corrects_id,
    idem_key, debit_balance_after, debit_home_branch, created_at, created_by)
SELECT 'CORRECTION', t.credit_account_id, t.debit_account_id, 25, :'code', t.id, 'bench:correction:' || t.id, 0,
    :'code', t.created_at + interval '3 days', 'bench'
FROM platform.ledger_transfer t
WHERE t.branch_code = :'code' AND t.kind = 'SERVICE' AND t.id % 100 = 0
  AND t.created_at < make_timestamptz(:year, 12, 20, 0, 0, 0, 'Asia/Shanghai');
-- the year's costs, paid: staff, site, technology, operations, taxes
INSERT INTO t_:code.expense (id, item, amount_fen, tier, payee, description, requested_by_person, requested_by,
    requested_at)
SELECT gen_random_uuid(), item, 400000, 'CORE_TEAM', '基准', '基准支出', 0, 'bench',
    make_timestamptz(:year, m, 15, 10, 0, 0, 'Asia/Shanghai')
FROM unnest(array['STAFF', 'SITE', 'TECHNOLOGY', 'OPERATIONS', 'TAX']) item, generate_series(1, 12) m;
INSERT INTO t_:code.expense_payment (expense_id, amount_fen, reference, booked_on, paid_by_person, paid_by, paid_at)
SELECT id, amount_fen, 'BENCH', (requested_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 'bench', requested_at
FROM t_:code.expense;
COMMIT;
ANALYZE platform.ledger_transfer;
ANALYZE platform.ledger_account;
ANALYZE t_:code.member;
ANALYZE t_:code.membership;

--liquibase formatted sql

--changeset core:0007-idempotency-keyed-digests
-- Idempotency records now hold a keyed digest of the request (ADR 3): the plain SHA-256 digests stored before could be
-- checked against guesses of the passwords and ID numbers in the bodies. They are at most one retention old and only
-- serve retries, so they go; a retry under an old key is judged afresh.
DELETE FROM platform.idempotency_record;

--changeset core:0007-service-credited-once splitStatements:false
-- R-SERVICE-6: a service paid with points credited its volunteer twice, from the resident (SERVICE_PAYMENT) and from
-- the branch (SERVICE). Each such SERVICE credit is taken back by a visible CORRECTION that references it, from the
-- volunteer to the branch's issuance; entries are never edited. A volunteer who has spent the extra points goes below
-- zero by that much, which the next credits make good.
WITH doubled AS (
    SELECT s.id, s.credit_account_id AS volunteer_account, s.debit_account_id AS issuance_account, s.amount,
           s.branch_code, s.reference_id
    FROM platform.ledger_transfer s
    WHERE s.kind = 'SERVICE' AND s.reference_type = 'SERVICE_REQUEST'
      AND EXISTS (SELECT 1 FROM platform.ledger_transfer p
                  WHERE p.kind = 'SERVICE_PAYMENT' AND p.reference_type = 'SERVICE_REQUEST'
                    AND p.reference_id = s.reference_id AND p.branch_code = s.branch_code
                    AND p.credit_account_id = s.credit_account_id)
      AND NOT EXISTS (SELECT 1 FROM platform.ledger_transfer c WHERE c.kind = 'CORRECTION' AND c.corrects_id = s.id)
), corrections AS (
    SELECT d.*, p.home_branch,
           a.balance - sum(d.amount) OVER (PARTITION BY d.volunteer_account ORDER BY d.id) AS balance_after
    FROM doubled d
    JOIN platform.ledger_account a ON a.id = d.volunteer_account
    JOIN platform.person p ON p.id = a.person_id
), posted AS (
    INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, shortfall, branch_code,
        reference_type, reference_id, corrects_id, idem_key, debit_balance_after, credit_balance_after,
        debit_home_branch, credit_home_branch, note, created_at, created_by)
    SELECT 'CORRECTION', volunteer_account, issuance_account, amount, 0, branch_code, 'SERVICE_REQUEST',
           reference_id, id, 'r-service-6:' || id, balance_after, NULL, home_branch, NULL,
           'R-SERVICE-6: 此服务已由居民积分支付,撤回重复发放的积分 / paid with points, so the branch credit is taken back',
           now(), 'migration'
    FROM corrections
    RETURNING debit_account_id, amount
)
UPDATE platform.ledger_account a SET balance = a.balance - moved.total
FROM (SELECT debit_account_id, sum(amount) AS total FROM posted GROUP BY debit_account_id) moved
WHERE a.id = moved.debit_account_id;

--changeset core:0007-login-throttling
-- Logins are no longer locked after failures (anyone could keep HQ locked out): a client that keeps failing is slowed
-- down instead, in memory (ADR 4). Password changes and HQ's resets are recorded on the person.
ALTER TABLE platform.person DROP COLUMN failed_logins, DROP COLUMN locked_until;
ALTER TABLE platform.person ADD COLUMN password_reset_by varchar(40), ADD COLUMN password_changed_at timestamptz;

--liquibase formatted sql

--changeset core:0007-income-once-per-reference
-- An income line is recorded once per reference (a fee payment, a merchant's fee of a month), whoever retries.
CREATE UNIQUE INDEX branch_income_reference ON branch_income (reference);

--liquibase formatted sql

--changeset core:0108-certificate-number-length
-- A certificate number is TYZG-<branch code>-<year>-<5 digits>: with a branch code of 31 characters it is 47 long,
-- more than the 40 the column allowed (a 500 on certifying a volunteer of such a branch).
ALTER TABLE volunteer ALTER COLUMN certificate_no TYPE varchar(60);

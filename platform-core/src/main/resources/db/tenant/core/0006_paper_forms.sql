--liquibase formatted sql

--changeset core:0006-paper-confirmations-once
-- R-LEDGER-8: the number of a paper 服务验收单 is entered once per branch.
CREATE UNIQUE INDEX service_request_paper_form ON service_request (paper_form_no) WHERE paper_form_no IS NOT NULL;

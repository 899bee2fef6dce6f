package cn.tongyi.core.web;

import static cn.tongyi.web.ApiProblem.conflict;

import cn.tongyi.web.ApiProblem;
import java.util.Map;
import java.util.Optional;

/**
 * The problem a unique constraint stands for, by the name PostgreSQL reports. Resources check before they write, so
 * these answer the race a check cannot see, a concurrent twin that committed first, as the check answers when the two
 * come one after the other.
 */
final class UniqueConstraints {

    static final Map<String, ApiProblem> BY_NAME = Map.ofEntries(
            Map.entry("person_username_key", conflict("username-taken", "The username is taken")),
            Map.entry("branch_pkey", conflict("branch-exists", "A branch with this code already exists")),
            // two onboardings creating the same branch schema at once
            Map.entry("pg_namespace_nspname_index", conflict("branch-exists", "A branch with this code already exists")),
            Map.entry("member_fingerprint_pkey", conflict("member-exists",
                    "A member with this ID or phone number is already registered in the alliance")),
            Map.entry("fee_payment_channel_receipt_no_key", conflict("receipt-used", "The receipt is already recorded")),
            Map.entry("building_name_key", conflict("building-exists", "A building of this name exists")),
            Map.entry("skill_tag_pkey", conflict("skill-exists", "The skill tag exists")),
            Map.entry("volunteer_pkey", conflict("already-volunteer", "This member has already applied")),
            Map.entry("ledger_dispute_one_open", conflict("dispute-open", "The transfer already has an open dispute")),
            Map.entry("service_request_paper_form", conflict("paper-form-used",
                    "This paper form number was already entered here")),
            // finance and governance: concurrent twins of decisions that happen once
            Map.entry("expense_payment_pkey", conflict("already-paid", "The expense is paid already")),
            Map.entry("expense_approval_once", conflict("already-approved", "You have decided on this expense")),
            Map.entry("expense_vote_once", conflict("already-voted", "You have voted on this expense")),
            Map.entry("cash_handover_line_pkey", conflict("cash-handed-over", "That cash was handed over already")),
            Map.entry("branch_income_reference", conflict("reference-used", "The reference is already in the book")),
            Map.entry("disclosure_pkey", conflict("disclosure-published", "That revision is published already")),
            Map.entry("finance_month_pkey", conflict("month-closed", "The month's books are closed already")),
            Map.entry("finance_year_pkey", conflict("year-locked", "The year is locked already")),
            Map.entry("finance_audit_report_pkey", conflict("audit-report-attached",
                    "The year's audit report is attached already")),
            Map.entry("supervision_report_pkey", conflict("report-filed", "The quarter's report is filed already")),
            Map.entry("supervision_signature_pkey", conflict("already-signed", "You have signed the report already")),
            Map.entry("council_seat_open", conflict("already-seated", "The member already sits on the council")),
            Map.entry("supervision_seat_current", conflict("group-size", "The member is on the group already")),
            Map.entry("dividend_run_published", conflict("dividend-published", "The year's dividends are published")),
            Map.entry("dividend_choice_pkey", conflict("choice-made", "The payout was chosen already")));

    private UniqueConstraints() {
    }

    static Optional<ApiProblem> problemFor(String constraint) {
        return Optional.ofNullable(BY_NAME.get(constraint));
    }
}

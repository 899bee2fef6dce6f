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
                    "This paper form number was already entered here")));

    private UniqueConstraints() {
    }

    static Optional<ApiProblem> problemFor(String constraint) {
        return Optional.ofNullable(BY_NAME.get(constraint));
    }
}

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

    static final Map<String, ApiProblem> BY_NAME = Map.of(
            "person_username_key", conflict("username-taken", "The username is taken"),
            "branch_pkey", conflict("branch-exists", "A branch with this code already exists"),
            // two onboardings creating the same branch schema at once
            "pg_namespace_nspname_index", conflict("branch-exists", "A branch with this code already exists"),
            "member_fingerprint_pkey", conflict("member-exists",
                    "A member with this ID or phone number is already registered in the alliance"),
            "fee_payment_channel_receipt_no_key", conflict("receipt-used", "The receipt is already recorded"),
            "building_name_key", conflict("building-exists", "A building of this name exists"),
            "skill_tag_pkey", conflict("skill-exists", "The skill tag exists"),
            "volunteer_pkey", conflict("already-volunteer", "This member has already applied"),
            "ledger_dispute_one_open", conflict("dispute-open", "The transfer already has an open dispute"));

    private UniqueConstraints() {
    }

    static Optional<ApiProblem> problemFor(String constraint) {
        return Optional.ofNullable(BY_NAME.get(constraint));
    }
}

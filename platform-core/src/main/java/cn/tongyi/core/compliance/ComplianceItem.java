package cn.tongyi.core.compliance;

import cn.tongyi.tenant.access.Role;
import java.time.Duration;

/**
 * The items of the monthly self-check (R-COMPLIANCE-1..5): the rule each serves, whether the system checks it itself
 * (AUTO) or its owner signs it (CHECKLIST), the owner, and how soon a finding is fixed.
 */
public enum ComplianceItem {
    DISCLOSURE_ON_TIME(true, "R-COMPLIANCE-1", Role.FINANCE, Duration.ofHours(24)),
    VOLUNTEERS_CERTIFIED(true, "R-COMPLIANCE-2", Role.STEWARD, Duration.ofDays(3)),
    SERVICES_MET_STANDARD(false, "R-COMPLIANCE-2", Role.STEWARD, Duration.ofDays(3)),
    PRIVATE_DATA_ENCRYPTED(true, "R-COMPLIANCE-3", Role.BRANCH_HEAD, Duration.ZERO),
    NO_LEAK_RISK(false, "R-COMPLIANCE-3", Role.BRANCH_HEAD, Duration.ZERO),
    MERCHANTS_WITHOUT_COMPLAINTS(true, "R-COMPLIANCE-4", Role.BRANCH_HEAD, Duration.ZERO),
    NO_FALSE_DISCOUNTS(false, "R-COMPLIANCE-4", Role.BRANCH_HEAD, Duration.ZERO),
    INCIDENT_REPORTS_ON_TIME(true, "R-INCIDENT-3", Role.STEWARD, Duration.ofDays(1)),
    COMPLAINT_DEADLINES_MET(true, "R-COMPLAINT-1", Role.STEWARD, Duration.ofDays(1));

    final boolean automatic;
    final String rule;
    final Role owner;
    final Duration fixWithin;

    ComplianceItem(boolean automatic, String rule, Role owner, Duration fixWithin) {
        this.automatic = automatic;
        this.rule = rule;
        this.owner = owner;
        this.fixWithin = fixWithin;
    }
}

package cn.tongyi.core.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** R-ACTIVITY-2..4: a chosen activity with its plan, announcement, attendance, satisfaction and summary clock. */
public record Activity(UUID id, UUID proposalId, String month, String title, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String place, String program, String materials, Long budgetFen, long sponsorshipFen,
        String sponsor, UUID expenseId, OffsetDateTime announcedAt, int invited, int signedIn, int feedbackCount,
        Double averageScore, String summary, OffsetDateTime summaryFiledAt, OffsetDateTime summaryDueAt,
        boolean summaryLate) {

    /** R-ACTIVITY-2: 2,000.00 CNY. */
    public static final long MAX_BUDGET_FEN = 200_000;
    /** R-ACTIVITY-3. */
    public static final Duration ANNOUNCE_AHEAD = Duration.ofDays(7);
    /** R-ACTIVITY-4. */
    public static final Duration SUMMARY_WITHIN = Duration.ofHours(24);
}

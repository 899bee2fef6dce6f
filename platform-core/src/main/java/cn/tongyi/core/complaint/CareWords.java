package cn.tongyi.core.complaint;

import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * How the community-care pages (complaints, incidents, activities) say times, clocks and money: in words of the
 * page's language (bundle {@code care}), so a deadline is never told by colour alone.
 */
public final class CareWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CareWords() {
    }

    /** A moment as the branch's wall clock shows it; empty when there is none. */
    public static String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.atZoneSameInstant(BusinessClock.ZONE));
    }

    /** A span in words: "12 分钟", "3 小时 5 分钟", "2 天 4 小时". */
    public static String span(Page page, Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes <= 60) {
            return page.t("care.span.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return page.t("care.span.hours", minutes / 60, minutes % 60);
        }
        return page.t("care.span.days", minutes / (24 * 60), minutes / 60 % 24);
    }

    /**
     * A clock in words: time left before {@code due}, or how late; once {@code done}, whether it was on time. A minute
     * begun counts as left, as a wall clock would say.
     */
    public static String clock(Page page, OffsetDateTime due, OffsetDateTime done, OffsetDateTime now) {
        if (done != null) {
            return done.isAfter(due) ? page.t("care.clock.doneLate", span(page, Duration.between(due, done)))
                    : page.t("care.clock.doneOnTime");
        }
        Duration left = Duration.between(now, due);
        return left.isNegative() ? page.t("care.clock.late", span(page, left.negated()))
                : page.t("care.clock.left", span(page, left.plusSeconds(59)));
    }

    /** The first block of a public id, enough for a person to tell rows apart and say it on the phone. */
    public static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}

package cn.tongyi.core.member;

import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** What the member app pages say the same way: a moment, a length of time, a refused form. */
public final class MemberWords {

    /** The query parameter that brings a refusal's slug back to the page after a form. */
    public static final String PROBLEM = "problem";

    private MemberWords() {
    }

    /** A moment in the resident's own words, e.g. "12月3日 星期四 09:00". */
    public static String when(Page page, OffsetDateTime at) {
        return format(page, "member.words.whenFormat", at);
    }

    /** The day of a moment, e.g. "2026年12月3日". */
    public static String day(Page page, OffsetDateTime at) {
        return format(page, "member.words.dayFormat", at);
    }

    /** A day, e.g. "2026年12月3日". */
    public static String day(Page page, LocalDate day) {
        return DateTimeFormatter.ofPattern(page.t("member.words.dayFormat"), page.locale()).format(day);
    }

    /** A length of time in words, e.g. "1 小时 5 分钟"; a begun minute counts, as a wall clock would say. */
    public static String duration(Page page, Duration length) {
        long minutes = (Math.max(0, length.toSeconds()) + 59) / 60;
        if (minutes < 60) {
            return page.t("member.words.minutes", minutes);
        }
        return minutes % 60 == 0 ? page.t("member.words.hours", minutes / 60)
                : page.t("member.words.hoursMinutes", minutes / 60, minutes % 60);
    }

    /** After a refused form: back to the page (post/redirect/get), which says why in the member's language. */
    public static Response refused(String path, ApiProblem problem) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + PROBLEM + "=" + problem.slug()))
                .build();
    }

    private static String format(Page page, String patternKey, OffsetDateTime at) {
        return DateTimeFormatter.ofPattern(page.t(patternKey), page.locale())
                .format(at.atZoneSameInstant(BusinessClock.ZONE));
    }
}

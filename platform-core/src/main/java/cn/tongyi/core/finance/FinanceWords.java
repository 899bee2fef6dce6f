package cn.tongyi.core.finance;

import cn.tongyi.core.identity.Person;
import cn.tongyi.web.ApiProblem;
import cn.tongyi.web.BusinessClock;
import cn.tongyi.web.ui.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the finance pages write money, days and moments: yuan with two decimals from fen, dates and times in words. */
public final class FinanceWords {

    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MONTH_ZH = DateTimeFormatter.ofPattern("yyyy年M月");
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private FinanceWords() {
    }

    /** Yuan typed into a form as exact fen; anything but a positive amount with at most two decimals is refused. */
    public static long fen(String yuan) {
        return parse(yuan, false);
    }

    /** A correction typed in yuan, "-12.30" (or "−12.30") taking off, "12.30" adding, as exact signed fen. */
    public static long signedFen(String yuan) {
        return parse(yuan, true);
    }

    private static long parse(String yuan, boolean signed) {
        String text = yuan == null ? "" : yuan.strip().replace('−', '-');
        if (!text.matches((signed ? "-?" : "") + "\\d{1,10}(\\.\\d{1,2})?")) {
            throw ApiProblem.invalidField("invalid-amount", "amount", "An amount in yuan, at most two decimals");
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    /** A form's text field, stripped; null when left blank (the validation of the API's request then refuses it). */
    public static String text(String field) {
        return field == null || field.isBlank() ? null : field.strip();
    }

    /** A source of income's or an expense item's name in the page's language. */
    public static String category(boolean income, String category, Page page) {
        return page.tOr((income ? "finance.source." : "finance.item.") + category, "finance.category.other");
    }

    /** What a form just did, said after its redirect ({@code ?done=income}); null for anything unknown. */
    public static String done(String done, Page page) {
        if (done == null) {
            return null;
        }
        String key = "finance.done." + done.replaceAll("\\W", "");
        String text = page.t(key);
        return text.equals(key) ? null : text;
    }

    /** The name a staff member is shown by, for the username the books record; the username if none. */
    public static String person(String username) {
        return username == null ? "" : Person.byUsername(username).map(p -> p.displayName).orElse(username);
    }

    public static String day(LocalDate day, Page page) {
        return day == null ? "" : (page.english() ? DAY_EN : DAY_ZH).format(day);
    }

    public static String month(YearMonth month, Page page) {
        return (page.english() ? MONTH_EN : MONTH_ZH).format(month);
    }

    /** A moment as the day in words and the wall-clock time in the branch's zone. */
    public static String when(OffsetDateTime at, Page page) {
        if (at == null) {
            return "";
        }
        var local = at.atZoneSameInstant(BusinessClock.ZONE);
        return day(local.toLocalDate(), page) + " " + TIME.format(local);
    }
}

package cn.tongyi.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final WorkingDays PLAIN = WorkingDays.MONDAY_TO_FRIDAY;

    @Test
    @DisplayName("R-LEDGER-6: a dispute is due on the 3rd working day after filing, Monday to Friday")
    void threeWorkingDays() {
        assertThat(PLAIN.after(LocalDate.of(2026, 11, 23), 3)).isEqualTo(LocalDate.of(2026, 11, 26)); // Mon → Thu
        assertThat(PLAIN.after(LocalDate.of(2026, 11, 26), 3)).isEqualTo(LocalDate.of(2026, 12, 1));  // Thu → Tue
        assertThat(PLAIN.after(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Fri → Wed
        assertThat(PLAIN.after(LocalDate.of(2026, 11, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Sat → Wed
        assertThat(PLAIN.after(LocalDate.of(2026, 11, 29), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Sun → Wed
    }

    @Test
    @DisplayName("R-LEDGER-6: public holidays do not count, make-up working weekend days do")
    void holidaysAndMakeUpDays() {
        // a National Day week: Thursday 1 to Thursday 8 October off, Saturday 10 October worked
        WorkingDays calendar = new WorkingDays(Map.of(LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2),
                false, LocalDate.of(2026, 10, 5), false, LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7),
                false, LocalDate.of(2026, 10, 8), false, LocalDate.of(2026, 10, 10), true));
        assertThat(calendar.after(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 12)); // 9, 10, 12
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(PLAIN.after(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    @DisplayName("R-LEDGER-6: days are counted in Asia/Shanghai, and a dispute is overdue only once its due day is over")
    void shanghaiDaysAndOverdue() {
        // Friday 17:00 UTC is already Saturday 01:00 in Shanghai
        assertThat(PLAIN.after(Instant.parse("2026-11-27T17:00:00Z"), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(PLAIN.after(Instant.parse("2026-11-27T15:00:00Z"), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(PLAIN.after(Instant.parse("2026-11-26T15:00:00Z"), 3)).isEqualTo(LocalDate.of(2026, 12, 1));
        LocalDate due = LocalDate.of(2026, 12, 2);
        assertThat(WorkingDays.overdue(due, Instant.parse("2026-12-02T15:59:59Z"))).isFalse(); // 23:59:59 in Shanghai
        assertThat(WorkingDays.overdue(due, Instant.parse("2026-12-02T16:00:00Z"))).isTrue();
    }
}

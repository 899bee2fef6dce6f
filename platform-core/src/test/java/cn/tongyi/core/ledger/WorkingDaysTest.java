package cn.tongyi.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    @DisplayName("R-LEDGER-6: a dispute is due on the 3rd working day after filing, Monday to Friday")
    void threeWorkingDays() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 23), 3)).isEqualTo(LocalDate.of(2026, 11, 26)); // Mon → Thu
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 26), 3)).isEqualTo(LocalDate.of(2026, 12, 1));  // Thu → Tue
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Fri → Wed
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Sat → Wed
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 29), 3)).isEqualTo(LocalDate.of(2026, 12, 2));  // Sun → Wed
    }

    @Test
    @DisplayName("R-LEDGER-6: days are counted in Asia/Shanghai, and a dispute is overdue only once its due day is over")
    void shanghaiDaysAndOverdue() {
        // Friday 17:00 UTC is already Saturday 01:00 in Shanghai
        assertThat(WorkingDays.disputeDueOn(Instant.parse("2026-11-27T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(WorkingDays.disputeDueOn(Instant.parse("2026-11-27T15:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(WorkingDays.disputeDueOn(Instant.parse("2026-11-26T15:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        LocalDate due = LocalDate.of(2026, 12, 2);
        assertThat(WorkingDays.overdue(due, Instant.parse("2026-12-02T15:59:59Z"))).isFalse(); // 23:59:59 in Shanghai
        assertThat(WorkingDays.overdue(due, Instant.parse("2026-12-02T16:00:00Z"))).isTrue();
    }
}

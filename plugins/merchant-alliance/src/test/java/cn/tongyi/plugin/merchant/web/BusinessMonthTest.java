package cn.tongyi.plugin.merchant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.plugin.api.PluginProblem;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusinessMonthTest {

    @Test
    @DisplayName("R-MERCHANT-3: a month runs from its first midnight in Asia/Shanghai to the next month's")
    void boundsInTheBusinessZone() {
        BusinessMonth november = BusinessMonth.of(BusinessMonth.parse(Optional.of("2026-11")),
                ZoneId.of("Asia/Shanghai"));

        assertThat(november.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(november.from()).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00+08:00"));
        assertThat(november.until()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00+08:00"));
    }

    @Test
    @DisplayName("a month is given as YYYY-MM")
    void malformed() {
        for (Optional<String> invalid : List.of(Optional.<String>empty(), Optional.of("2026-13"),
                Optional.of("11/2026"), Optional.of(""))) {
            assertThatThrownBy(() -> BusinessMonth.parse(invalid)).as(invalid.toString())
                    .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.slug()).isEqualTo("invalid-month");
                    });
        }
    }
}

package cn.tongyi.plugin.merchant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.plugin.api.PluginProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeeRateTest {

    @Test
    @DisplayName("R-MERCHANT-3: members spent 10,000.00 CNY at 3 %: the fee is 300.00 CNY")
    void handbookExample() {
        assertThat(FeeRate.parsePercent("3.00").feeOn(10_000_00)).isEqualTo(300_00);
    }

    @Test
    @DisplayName("R-MERCHANT-3: the fee is rounded half-up to the fen")
    void roundedHalfUp() {
        FeeRate three = new FeeRate(300);
        assertThat(three.feeOn(50)).isEqualTo(2);   // 1.5 fen
        assertThat(three.feeOn(49)).isEqualTo(1);   // 1.47 fen
        assertThat(three.feeOn(17)).isEqualTo(1);   // 0.51 fen
        assertThat(three.feeOn(16)).isZero();       // 0.48 fen
        assertThat(new FeeRate(500).feeOn(150)).isEqualTo(8);          // 7.5 fen
        assertThat(new FeeRate(425).feeOn(123_456_78)).isEqualTo(524_691); // 524,691.315 fen
        assertThat(three.feeOn(0)).isZero();
    }

    @Test
    @DisplayName("R-MERCHANT-1: the fee rate is 3.00 to 5.00 percent, with at most 2 decimals, exact")
    void rateBetweenThreeAndFivePercent() {
        assertThat(FeeRate.parsePercent("3").basisPoints()).isEqualTo(300);
        assertThat(FeeRate.parsePercent("3.5").basisPoints()).isEqualTo(350);
        assertThat(FeeRate.parsePercent("4.25").basisPoints()).isEqualTo(425);
        assertThat(FeeRate.parsePercent("5.00").basisPoints()).isEqualTo(500);
        assertThat(new FeeRate(350).percent()).isEqualTo("3.50");
        for (String outside : new String[] {"2.99", "5.01", "0", "10"}) {
            assertThatThrownBy(() -> FeeRate.parsePercent(outside)).as(outside)
                    .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(422);
                        assertThat(problem.slug()).isEqualTo("fee-rate-out-of-range");
                    });
        }
        for (String malformed : new String[] {"3.001", "abc", "", "-3", "3%", "3,5"}) {
            assertThatThrownBy(() -> FeeRate.parsePercent(malformed)).as(malformed)
                    .isInstanceOfSatisfying(PluginProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.slug()).isEqualTo("invalid-fee-rate");
                    });
        }
        assertThatThrownBy(() -> FeeRate.parsePercent(null)).isInstanceOf(PluginProblem.class);
    }
}

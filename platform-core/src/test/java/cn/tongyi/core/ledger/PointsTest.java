package cn.tongyi.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.web.ApiProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    @DisplayName("R-LEDGER-1, R-SERVICE-6: points are exact hundredths; a quarter hour is 25; no rounding, ever")
    void pointsAreExact() {
        assertThat(Points.parse(new BigDecimal("0.25"))).isEqualTo(25);
        assertThat(Points.parse(new BigDecimal("20"))).isEqualTo(2000);
        assertThat(Points.parse(new BigDecimal("1.50"))).isEqualTo(150);
        assertThat(Points.parse(new BigDecimal("1.500"))).isEqualTo(150);
        assertThat(Points.of(2)).isEqualTo(200);
        assertThat(Points.format(1225)).isEqualTo("12.25");
        assertThat(Points.format(-250)).isEqualTo("-2.50");
        assertThat(Points.format(0)).isEqualTo("0.00");
        assertThat(Points.format(5)).isEqualTo("0.05");
        assertThatThrownBy(() -> Points.parse(new BigDecimal("0.125")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("invalid-points"));
    }

    @Test
    @DisplayName("R-LEDGER-5: a transfer kind moves points only between the accounts it is for")
    void kindsAndShapes() {
        assertThat(TransferKind.SERVICE_PAYMENT.allows(AccountType.MEMBER, AccountType.MEMBER)).isTrue();
        assertThat(TransferKind.SERVICE_PAYMENT.allows(AccountType.ISSUANCE, AccountType.MEMBER)).isFalse();
        assertThat(TransferKind.REFERRAL.allows(AccountType.ISSUANCE, AccountType.MEMBER)).isTrue();
        assertThat(TransferKind.PENALTY.allows(AccountType.MEMBER, AccountType.PENALTY)).isTrue();
        assertThat(TransferKind.CORRECTION.allows(AccountType.PENALTY, AccountType.MEMBER)).isTrue();
        assertThat(TransferKind.CORRECTION.allows(AccountType.ISSUANCE, AccountType.PENALTY)).isFalse();
        assertThat(TransferKind.PENALTY.refusesOverdraft()).isFalse();
        assertThat(TransferKind.REDEMPTION.refusesOverdraft()).isTrue();
        assertThatThrownBy(() -> TransferRequest.payment("b", 1, 1, 100, null, "k", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferRequest.payment("b", 1, 2, 0, null, "k", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

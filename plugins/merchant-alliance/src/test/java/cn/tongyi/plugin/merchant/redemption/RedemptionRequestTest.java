package cn.tongyi.plugin.merchant.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.plugin.api.PluginProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedemptionRequestTest {

    @Test
    @DisplayName("R-MERCHANT-2: the purchase is a whole number of fen above 0, never rounded")
    void purchaseInWholeFen() {
        assertThat(request("12345").checkedPurchaseFen()).isEqualTo(12345);
        assertThat(request("100.0").checkedPurchaseFen()).isEqualTo(100);
        for (String invalid : new String[] {"0", "-5", "10.5"}) {
            assertThatThrownBy(() -> request(invalid).checkedPurchaseFen()).as(invalid)
                    .isInstanceOfSatisfying(PluginProblem.class,
                            problem -> assertThat(problem.slug()).isEqualTo("invalid-purchase"));
        }
        assertThatThrownBy(() -> new RedemptionRequest("code", null, null).checkedPurchaseFen())
                .isInstanceOf(PluginProblem.class);
    }

    @Test
    @DisplayName("R-MERCHANT-2: points left out mean the most allowed")
    void pointsOptional() {
        assertThat(new RedemptionRequest("code", BigDecimal.TEN, null).checkedCentiPoints()).isEmpty();
        assertThat(new RedemptionRequest("code", BigDecimal.TEN, " ").checkedCentiPoints()).isEmpty();
        assertThat(new RedemptionRequest("code", BigDecimal.TEN, "1.25").checkedCentiPoints()).hasValue(125);
    }

    private static RedemptionRequest request(String purchaseFen) {
        return new RedemptionRequest("code", new BigDecimal(purchaseFen), null);
    }
}

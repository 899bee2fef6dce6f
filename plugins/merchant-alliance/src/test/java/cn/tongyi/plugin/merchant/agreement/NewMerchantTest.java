package cn.tongyi.plugin.merchant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.plugin.api.PluginProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NewMerchantTest {

    private static final NewMerchant.NewLogin LOGIN = new NewMerchant.NewLogin("xinxin", "鑫鑫超市", "a-long-secret");
    private static final NewMerchant VALID = new NewMerchant(" 鑫鑫超市 ", "supermarket", "3.00", "会员 9.5 折",
            "2026-12-01", "2027-11-30", LOGIN);

    @Test
    @DisplayName("R-MERCHANT-1: an agreement's terms are read from the request")
    void terms() {
        assertThat(VALID.terms()).isEqualTo(new AgreementTerms("鑫鑫超市", Category.SUPERMARKET, new FeeRate(300),
                "会员 9.5 折", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30)));
        assertThat(VALID.checkedLogin()).isEqualTo(LOGIN);
    }

    @Test
    @DisplayName("R-MERCHANT-1: each fault in a merchant's terms names its field")
    void faultsNameTheirField() {
        assertRefused(new NewMerchant(" ", "OTHER", "3", "offer", "2026-12-01", "2027-11-30", LOGIN), 400,
                "name-required");
        assertRefused(new NewMerchant("n", "BAKERY", "3", "offer", "2026-12-01", "2027-11-30", LOGIN), 400,
                "invalid-category");
        assertRefused(new NewMerchant("n", "OTHER", "6", "offer", "2026-12-01", "2027-11-30", LOGIN), 422,
                "fee-rate-out-of-range");
        assertRefused(new NewMerchant("n", "OTHER", "3", null, "2026-12-01", "2027-11-30", LOGIN), 400,
                "offer-required");
        assertRefused(new NewMerchant("n", "OTHER", "3", "offer", "2026-13-01", "2027-11-30", LOGIN), 400,
                "invalid-valid-from");
        assertRefused(new NewMerchant("n", "OTHER", "3", "offer", "2026-12-01", null, LOGIN), 400,
                "invalid-valid-to");
        assertRefused(new NewMerchant("n", "OTHER", "3", "offer", "2026-12-02", "2026-12-01", LOGIN), 422,
                "valid-to-before-valid-from");
    }

    @Test
    @DisplayName("R-MERCHANT-1: a merchant comes with its own login: username, display name and password")
    void loginRequired() {
        assertLoginRefused(null, "login-required");
        assertLoginRefused(new NewMerchant.NewLogin(null, "d", "p"), "username-required");
        assertLoginRefused(new NewMerchant.NewLogin("u", "", "p"), "display-name-required");
        assertLoginRefused(new NewMerchant.NewLogin("u", "d", ""), "password-required");
    }

    private static void assertRefused(NewMerchant merchant, int status, String slug) {
        assertThatThrownBy(merchant::terms).as(slug).isInstanceOfSatisfying(PluginProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.slug()).isEqualTo(slug);
        });
    }

    private static void assertLoginRefused(NewMerchant.NewLogin login, String slug) {
        NewMerchant merchant = new NewMerchant("n", "OTHER", "3", "offer", "2026-12-01", "2027-11-30", login);
        assertThatThrownBy(merchant::checkedLogin).as(slug).isInstanceOfSatisfying(PluginProblem.class,
                problem -> assertThat(problem.slug()).isEqualTo(slug));
    }
}

package cn.tongyi.plugin.merchant.agreement;

import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.merchant.web.Requests;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The body of {@code POST /merchants}: the agreement's terms (R-MERCHANT-1) and the merchant's login. Values arrive as
 * text and are read here, so that each fault names its field.
 *
 * @param feeRatePercent the management fee, "3.00" to "5.00"
 * @param validFrom      first day of the agreement, YYYY-MM-DD
 * @param validTo        last day of the agreement, YYYY-MM-DD
 */
public record NewMerchant(String name, String category, String feeRatePercent, String offer, String validFrom,
        String validTo, NewLogin login) {

    /** The merchant's login, created with role MERCHANT in this branch. */
    public record NewLogin(String username, String displayName, String password) {
    }

    /** The agreement's terms, refused field by field (400, or 422 for a rule). */
    public AgreementTerms terms() {
        String checkedName = Requests.requiredText(name, 100, "name-required", "name");
        Category checkedCategory = Category.parse(category);
        FeeRate feeRate = FeeRate.parsePercent(feeRatePercent);
        String checkedOffer = Requests.requiredText(offer, 500, "offer-required", "offer");
        LocalDate from = date(validFrom, "invalid-valid-from", "validFrom");
        LocalDate to = date(validTo, "invalid-valid-to", "validTo");
        if (from.isAfter(to)) {
            throw PluginProblem.unprocessable("valid-to-before-valid-from",
                    "The agreement ends (validTo) before it starts (validFrom)");
        }
        return new AgreementTerms(checkedName, checkedCategory, feeRate, checkedOffer, from, to);
    }

    /** The login's fields, each required; the platform judges the username and the password themselves. */
    public NewLogin checkedLogin() {
        if (login == null) {
            throw PluginProblem.badRequest("login-required", "login {username, displayName, password} is required");
        }
        if (login.password() == null || login.password().isEmpty()) {
            throw PluginProblem.badRequest("password-required", "login.password is required");
        }
        return new NewLogin(Requests.requiredText(login.username(), 100, "username-required", "login.username"),
                Requests.requiredText(login.displayName(), 100, "display-name-required", "login.displayName"),
                login.password());
    }

    private static LocalDate date(String value, String slug, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw PluginProblem.badRequest(slug, field + " is a date, YYYY-MM-DD");
        }
    }
}

package cn.tongyi.plugin.merchant.handbook;

import cn.tongyi.plugin.api.PluginProblem;
import java.util.Locale;
import java.util.Optional;

/** Which merchants a handbook lists: this branch's, or those of every branch where the plugin is enabled. */
public enum HandbookScope {
    BRANCH,
    ALLIANCE;

    /** The {@code scope} parameter, {@code branch} when absent; 400 {@code invalid-scope} for anything else. */
    public static HandbookScope parse(Optional<String> value) {
        try {
            return value.map(text -> valueOf(text.strip().toUpperCase(Locale.ROOT))).orElse(BRANCH);
        } catch (IllegalArgumentException e) {
            throw PluginProblem.badRequest("invalid-scope", "scope is branch or alliance");
        }
    }
}

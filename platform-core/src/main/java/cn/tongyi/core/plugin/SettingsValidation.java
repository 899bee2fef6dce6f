package cn.tongyi.core.plugin;

import cn.tongyi.plugin.api.SettingDefinition;
import cn.tongyi.web.ApiProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks settings a branch head sends against what the plugin declared, before any is stored. Pure. */
final class SettingsValidation {

    private static final int MAX_TEXT = 500;

    private SettingsValidation() {
    }

    /** The values to store: the given ones, each valid for its definition; 400 naming every field at fault. */
    static Map<String, String> validated(List<SettingDefinition> definitions, Map<String, String> values) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, String> stored = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            SettingDefinition definition = definitions.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElse(null);
            String problem = definition == null ? "The plugin has no such setting" : problem(definition, value);
            if (problem != null) {
                errors.add(new ApiProblem.FieldError("settings." + name, problem));
            } else {
                stored.put(name, value.strip());
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "invalid-settings", "Some settings are not valid for this plugin", errors);
        }
        return stored;
    }

    /** Why the value does not fit the definition, or null when it does. */
    static String problem(SettingDefinition definition, String raw) {
        if (raw == null || raw.isBlank()) {
            return "A value is required";
        }
        String value = raw.strip();
        return switch (definition.type()) {
            case TEXT -> text(definition, value);
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "true or false";
            case INTEGER -> number(definition, value, "^-?\\d{1,18}$", "a whole number");
            case DECIMAL -> number(definition, value, "^-?\\d{1,15}(\\.\\d{1,6})?$", "a decimal number");
        };
    }

    private static String text(SettingDefinition definition, String value) {
        if (value.length() > MAX_TEXT) {
            return "At most " + MAX_TEXT + " characters";
        }
        try {
            return definition.pattern() == null || Pattern.matches(definition.pattern(), value) ? null
                    : "Does not match " + definition.pattern();
        } catch (PatternSyntaxException e) {
            return "The plugin's pattern is broken";
        }
    }

    private static String number(SettingDefinition definition, String value, String format, String what) {
        if (!value.matches(format)) {
            return "Must be " + what;
        }
        BigDecimal number = new BigDecimal(value);
        if (definition.minimum() != null && number.compareTo(new BigDecimal(definition.minimum())) < 0) {
            return "At least " + definition.minimum();
        }
        if (definition.maximum() != null && number.compareTo(new BigDecimal(definition.maximum())) > 0) {
            return "At most " + definition.maximum();
        }
        return null;
    }
}

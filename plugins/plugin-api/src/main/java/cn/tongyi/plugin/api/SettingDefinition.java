package cn.tongyi.plugin.api;

import java.util.Objects;

/**
 * One setting of a plugin.
 *
 * @param name         key, lower camel case
 * @param type         what its values are
 * @param defaultValue the value until a head sets one (never null: every setting has a working default)
 * @param minimum      for INTEGER and DECIMAL, the least allowed value, or null
 * @param maximum      for INTEGER and DECIMAL, the greatest allowed value, or null
 * @param pattern      for TEXT, a regular expression the whole value must match, or null
 * @param labelZh      the form's label in Chinese
 * @param labelEn      the form's label in English
 */
public record SettingDefinition(String name, SettingType type, String defaultValue, String minimum, String maximum,
        String pattern, String labelZh, String labelEn) {

    /** The kinds of values a setting takes. */
    public enum SettingType {
        TEXT,
        INTEGER,
        DECIMAL,
        BOOLEAN
    }

    public SettingDefinition {
        if (name == null || !name.matches("^[a-z][a-zA-Z0-9]{0,39}$")) {
            throw new IllegalArgumentException("A setting name is lower camel case: " + name);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
    }

    public static SettingDefinition text(String name, String defaultValue, String pattern, String labelZh,
            String labelEn) {
        return new SettingDefinition(name, SettingType.TEXT, defaultValue, null, null, pattern, labelZh, labelEn);
    }

    public static SettingDefinition integer(String name, long defaultValue, long minimum, long maximum, String labelZh,
            String labelEn) {
        return new SettingDefinition(name, SettingType.INTEGER, Long.toString(defaultValue), Long.toString(minimum),
                Long.toString(maximum), null, labelZh, labelEn);
    }

    public static SettingDefinition decimal(String name, String defaultValue, String minimum, String maximum,
            String labelZh, String labelEn) {
        return new SettingDefinition(name, SettingType.DECIMAL, defaultValue, minimum, maximum, null, labelZh,
                labelEn);
    }

    public static SettingDefinition bool(String name, boolean defaultValue, String labelZh, String labelEn) {
        return new SettingDefinition(name, SettingType.BOOLEAN, Boolean.toString(defaultValue), null, null, null,
                labelZh, labelEn);
    }
}

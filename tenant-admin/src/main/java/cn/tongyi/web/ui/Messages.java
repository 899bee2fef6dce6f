package cn.tongyi.web.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the pages, Chinese first, English on request. A key's first segment names its bundle
 * ({@code member.balance} is in {@code i18n/member.properties} and {@code i18n/member_en.properties}), so each part of
 * the product keeps its own files. A missing key shows as the key itself, never as an error page.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return key;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/" + key.substring(0, dot),
                    Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                    Messages.class.getClassLoader(), NO_FALLBACK);
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}

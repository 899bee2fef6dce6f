package cn.tongyi.web.ui;

import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * What the layout and every page template need besides the page's own data: the language and its words, the elder
 * mode, the CSRF token for forms, a fresh idempotency key per form, who is logged in. Templates call it {@code page}.
 */
@TemplateData
public class Page {

    private final Locale locale;
    private final boolean elder;
    private final String csrfToken;
    private final String title;
    private final String path;
    private final String userName;

    Page(Locale locale, boolean elder, String csrfToken, String titleKey, String path, String userName) {
        this(Messages.text(locale, titleKey), locale, elder, csrfToken, path, userName);
    }

    private Page(String title, Locale locale, boolean elder, String csrfToken, String path, String userName) {
        this.locale = locale;
        this.elder = elder;
        this.csrfToken = csrfToken;
        this.path = path;
        this.userName = userName;
        this.title = title;
    }

    /**
     * This page as shown at another address, for the language and 长辈版 switches to lead back to: a refused form shown
     * again answers a POST, and its switches lead to the page the form was on (no Referer tells it: no-referrer).
     */
    public Page shownAt(String pagePath) {
        return new Page(title, locale, elder, csrfToken, pagePath, userName);
    }

    public String t(String key) {
        return Messages.text(locale, key);
    }

    /** The words of {@code key}, or of {@code fallbackKey} where there are none (e.g. a message per problem type). */
    public String tOr(String key, String fallbackKey) {
        String text = Messages.text(locale, key);
        return text.equals(key) ? Messages.text(locale, fallbackKey) : text;
    }

    public String t(String key, Object arg) {
        return Messages.text(locale, key, arg);
    }

    public String t(String key, Object first, Object second) {
        return Messages.text(locale, key, first, second);
    }

    public String getTitle() {
        return title;
    }

    /** The value of the {@code lang} attribute. */
    public String getLang() {
        return english() ? "en" : "zh-CN";
    }

    public boolean english() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public boolean isElder() {
        return elder;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public String getCsrfField() {
        return CsrfCheck.FORM_FIELD;
    }

    /** A new key each time a form is rendered: submitting the same rendered form twice applies once. */
    public String getNewIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    public String getUserName() {
        return userName;
    }

    public boolean isLoggedIn() {
        return userName != null;
    }

    public String getElderSwitchUrl() {
        return "/ui/elder?on=" + !elder + "&back=" + encodedPath();
    }

    public String getLanguageSwitchUrl() {
        return "/ui/language?to=" + (english() ? "zh" : "en") + "&back=" + encodedPath();
    }

    private String encodedPath() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}

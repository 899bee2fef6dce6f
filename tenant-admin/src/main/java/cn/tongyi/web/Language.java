package cn.tongyi.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The platform speaks Chinese first; a caller who prefers English (Accept-Language: en…) gets English. */
public final class Language {

    private Language() {
    }

    public static boolean prefersEnglish(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        return headers.getAcceptableLanguages().stream()
                .findFirst()
                .map(locale -> locale.getLanguage().equals(Locale.ENGLISH.getLanguage()))
                .orElse(false);
    }
}

package io.rolegate.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The languages pages are written in; a cookie set by the switch wins over Accept-Language. */
public enum Language {
    EN, JA;

    public static final String COOKIE = "rolegate-lang";

    private final String code = name().toLowerCase(Locale.ROOT);
    private final Locale locale = Locale.forLanguageTag(code);

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> parse(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null) {
            Optional<Language> chosen = parse(cookie.getValue());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, List.of(EN.locale(), JA.locale()));
            return best == null ? EN : parse(best.getLanguage()).orElse(EN);
        } catch (IllegalArgumentException e) {
            return EN;
        }
    }
}

package io.rolegate.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The time zone times are shown in (PRODUCT §10): the one the browser reported in the {@value #COOKIE} cookie (set by
 * {@code static/js/rolegate.js} from {@code Intl.DateTimeFormat().resolvedOptions().timeZone}), else the usual zone
 * of the page's language: UTC for English, Asia/Tokyo for Japanese. A cookie that names no zone is ignored.
 */
public final class ViewerZone {

    public static final String COOKIE = "rolegate-tz";

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** IANA zone names and offsets: letters, digits, {@code / _ + -}; the longest IANA name has 32 characters. */
    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z0-9/_+-]{1,64}");

    private ViewerZone() {
    }

    /** The zone of this request's viewer, written in {@code language}. */
    public static ZoneId of(HttpServerRequest request, Language language) {
        Cookie cookie = request.getCookie(COOKIE);
        return (cookie == null ? Optional.<ZoneId>empty() : parse(cookie.getValue())).orElseGet(() -> usual(language));
    }

    /** The usual zone of readers of {@code language}. */
    public static ZoneId usual(Language language) {
        return language == Language.JA ? TOKYO : ZoneOffset.UTC;
    }

    /** The zone a cookie names, if it names one the JDK knows. */
    static Optional<ZoneId> parse(String value) {
        if (value == null || !ZONE_NAME.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value).normalized());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

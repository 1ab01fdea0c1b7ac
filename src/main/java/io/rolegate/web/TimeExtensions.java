package io.rolegate.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times on pages: UTC, to the minute (or to the second where asked), the same in every language. */
@TemplateExtension
public class TimeExtensions {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    /** To the second, where order within a minute matters (the steps and times of a check). */
    static String displaySeconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }
}

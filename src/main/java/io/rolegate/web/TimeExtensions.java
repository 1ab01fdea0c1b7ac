package io.rolegate.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateExtension;

/**
 * Times on pages, in the viewer's time zone and named with it (PRODUCT §10, {@link ViewerZone}): to the minute, or to
 * the second where the order of events matters (check history, audit trail). Outside a request, UTC.
 */
@TemplateExtension
public class TimeExtensions {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Short names by zone and daylight saving: the JDK builds each from its name tables, pages repeat them. */
    private static final Map<String, String> ABBREVIATIONS = new ConcurrentHashMap<>();

    /** E.g. {@code 2026-11-30 18:08 JST}. */
    static String display(Instant instant) {
        return format(instant, MINUTES);
    }

    /** E.g. {@code 2026-11-30 18:08:41 JST}. */
    static String displaySeconds(Instant instant) {
        return format(instant, SECONDS);
    }

    /** The viewer's calendar day of an instant, e.g. {@code 2026-11-30}, for lists. */
    static String day(Instant instant) {
        return instant == null ? "" : DAY.withZone(zone()).format(instant);
    }

    private static String format(Instant instant, DateTimeFormatter pattern) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = zone();
        return pattern.withZone(zone).format(instant) + " " + abbreviation(zone, instant);
    }

    /** The zone's short name at that instant ({@code JST}, {@code CET}, {@code GMT+05:30}); {@code UTC} for UTC. */
    static String abbreviation(ZoneId zone, Instant instant) {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        boolean daylight = zone.getRules().isDaylightSavings(instant);
        return ReadMostly.get(ABBREVIATIONS, zone.getId() + (daylight ? " daylight" : ""),
                name -> TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.ENGLISH));
    }

    private static ZoneId zone() {
        ManagedContext requests = Arc.container().requestContext();
        return requests.isActive() ? Arc.container().instance(Page.class).get().zone() : ZoneOffset.UTC;
    }
}

package io.rolegate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every response declares, set just before they are sent so that pages, API answers, downloads and
 * the error pages of Quarkus and Vert.x alike get them: every text body says {@code charset=UTF-8} (which it is
 * encoded in), and a response written in the visitor's language says {@code Vary: Accept-Language, Cookie}
 * (the language comes from the header or the switch's cookie), in one Vary header with any others it had.
 */
@Singleton
public class ResponseHeaders {

    private static final List<String> LANGUAGE = List.of("Accept-Language", "Cookie");

    /** Before every other filter, so that this handler runs after every other one (they run last first). */
    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> declare(context));
            context.next();
        }, 10_000);
    }

    private static void declare(RoutingContext context) {
        MultiMap headers = context.response().headers();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && isText(type)) {
            headers.set(HttpHeaders.CONTENT_TYPE, withUtf8(type));
        }
        List<String> vary = new ArrayList<>();
        headers.getAll(HttpHeaders.VARY).forEach(value -> addAll(vary, List.of(value.split(","))));
        if (type != null && isLocalised(context, type, headers)) {
            addAll(vary, LANGUAGE);
        }
        if (!vary.isEmpty()) {
            headers.set(HttpHeaders.VARY, String.join(", ", vary));
        }
    }

    /** Pages (and the error pages) are HTML; the check's JSON for pages also speaks the visitor's language. */
    private static boolean isLocalised(RoutingContext context, String type, MultiMap headers) {
        String mediaType = mediaType(type);
        String path = context.normalizedPath();
        boolean attachment = headers.contains("Content-Disposition");
        return mediaType.equals("text/html")
                || mediaType.equals("application/json") && !attachment && !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    static boolean isText(String type) {
        String mediaType = mediaType(type);
        return mediaType.startsWith("text/") || mediaType.endsWith("/json") || mediaType.endsWith("+json")
                || mediaType.endsWith("/xml") || mediaType.endsWith("+xml") || mediaType.endsWith("/yaml")
                || mediaType.endsWith("/x-yaml") || mediaType.endsWith("/javascript");
    }

    /** The type with {@code charset=UTF-8}: added when missing, spelled the same way when given in another case. */
    static String withUtf8(String type) {
        StringBuilder result = new StringBuilder();
        boolean charset = false;
        for (String part : type.split(";")) {
            String trimmed = part.strip();
            if (trimmed.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
                charset = true;
                String name = trimmed.substring("charset=".length()).replace("\"", "");
                trimmed = name.equalsIgnoreCase("utf-8") ? "charset=UTF-8" : trimmed;
            }
            if (!trimmed.isEmpty()) {
                result.append(result.length() == 0 ? "" : ";").append(trimmed);
            }
        }
        return charset ? result.toString() : result.append(";charset=UTF-8").toString();
    }

    private static String mediaType(String type) {
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static void addAll(List<String> vary, List<String> values) {
        for (String value : values) {
            String name = value.strip();
            if (!name.isEmpty() && vary.stream().noneMatch(name::equalsIgnoreCase)) {
                vary.add(name);
            }
        }
    }
}

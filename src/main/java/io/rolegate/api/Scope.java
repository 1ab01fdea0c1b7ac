package io.rolegate.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do (PRODUCT §11): read connections and checks, obtain credentials, manage organisations. */
public enum Scope {
    READ, CREDENTIALS, MANAGE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the scope's explanation on the token page. */
    public String labelKey() {
        return "scope_" + id();
    }

    public static Optional<Scope> parse(String id) {
        return Arrays.stream(values()).filter(scope -> scope.id().equals(id)).findFirst();
    }

    /** As stored: ids joined by commas in declaration order, e.g. {@code read,credentials}. */
    static String join(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::id).collect(Collectors.joining(","));
    }

    static Set<Scope> split(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String id : stored.split(",")) {
            parse(id).ifPresent(scopes::add);
        }
        return scopes;
    }
}

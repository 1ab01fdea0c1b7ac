package io.rolegate.database;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of the embedded PostgreSQL when no external database is configured.
 * Runs only at run time: the factory is also consulted during the build, when no database must start.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String CLEAN = "rolegate.embedded-postgres.clean";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            return Collections.emptyList();
        }
        ConfigValue url = context.getValue(JDBC_URL);
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return Collections.emptyList();
        }
        String jdbcUrl = EmbeddedDatabase.shared(
                Path.of(valueOr(context, "rolegate.data-directory", "data"), "postgres"),
                Boolean.parseBoolean(valueOr(context, CLEAN, "false")));
        return Collections.singletonList(new MapBackedConfigSource("embedded-postgres", Map.of(
                JDBC_URL, jdbcUrl,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER), 275) {
        });
    }

    private static String valueOr(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }
}

package io.rolegate.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of the embedded PostgreSQL when no external database is configured.
 * Runs only at run time: the factory is also consulted during the build and by the run that records the start-up
 * archive ({@link StartupArchive}), when no database must start.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String CLEAN = "rolegate.embedded-postgres.clean";
    /** How much longer than the application's shutdown timeout the database waits for its clients to leave. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(10);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || StartupArchive.isBeingRecorded()) {
            return Collections.emptyList();
        }
        ConfigValue url = context.getValue(JDBC_URL);
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return Collections.emptyList();
        }
        EmbeddedDatabase.Address address = EmbeddedDatabase.shared(
                Path.of(valueOr(context, "rolegate.data-directory", "data"), "postgres"),
                Boolean.parseBoolean(valueOr(context, CLEAN, "false")),
                DurationConverter.parseDuration(valueOr(context, "quarkus.shutdown.timeout", "20s")).plus(STOP_MARGIN));
        return Collections.singletonList(new MapBackedConfigSource("embedded-postgres", Map.of(
                JDBC_URL, address.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", address.password()), 275) {
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

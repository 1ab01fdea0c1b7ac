package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Audit events written before their parameters were stored apart stay readable in every language: V14 reads the
 * parameters out of the English text those versions wrote, keeps the text, and leaves the trail append-only.
 */
class AuditParametersMigrationTest {

    /** Detail texts as the earlier versions wrote them, with the parameters V14 must read out of each. */
    private static final Map<String[], String> LEGACY = new LinkedHashMap<>();

    static {
        LEGACY.put(new String[] { "check.started", "USER" }, "{USER}");
        LEGACY.put(new String[] { "check.finished", "INSECURE" }, "{INSECURE}");
        LEGACY.put(new String[] { "connection.status-changed", "PENDING → ACTIVE" }, "{PENDING,ACTIVE}");
        LEGACY.put(new String[] { "connection.revoked", "from FAILING: contract ended: see ticket 12" },
                "{FAILING,\"contract ended: see ticket 12\"}");
        LEGACY.put(new String[] { "connection.created", "account 123456789012" }, "{123456789012}");
        LEGACY.put(new String[] { "connection.rotation-started", "new external ID issued; previous still accepted" },
                "{}");
        LEGACY.put(new String[] { "external-id.retired", "a new rotation started" }, "{ROTATION}");
        LEGACY.put(new String[] { "external-id.retired", "rotation cancelled" }, "{CANCELLED}");
        LEGACY.put(new String[] { "external-id.retired", "check 0d9f6a2e-1111-4222-8333-123456789abc" },
                "{CHECK,0d9f6a2e-1111-4222-8333-123456789abc}");
        LEGACY.put(new String[] { "invite.accepted", "role=support" }, "{support}");
        LEGACY.put(new String[] { "api-token.revoked", "scopes read,credentials" }, "{\"read,credentials\"}");
        LEGACY.put(new String[] { "credentials.issued", "session rolegate-1234abcd-etl, expires 2026-11-30T10:00:00Z" },
                "{rolegate-1234abcd-etl,2026-11-30T10:00:00Z}");
        LEGACY.put(new String[] { "external-id.retired", "check of another kind" }, null);
    }

    @Test
    void oldEventsGetTheirParametersAndKeepTheirTextAndTheTrailStaysAppendOnly() throws IOException, SQLException {
        try (EmbeddedDatabase server = EmbeddedDatabase.open(Files.createTempDirectory("rolegate-migration-"), true)) {
            migrate(server, "10");
            try (Connection db = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.USER, server.password());
                    Statement sql = db.createStatement()) {
                for (String[] event : LEGACY.keySet()) {
                    sql.execute("INSERT INTO audit_events (occurred_at, actor, action, subject, detail) VALUES (now(), 'a@example.com', '"
                            + event[0] + "', 'x', '" + event[1] + "')");
                }
                migrate(server, "14");
                try (ResultSet rows = sql.executeQuery("SELECT action, detail, detail_args FROM audit_events ORDER BY id")) {
                    for (Map.Entry<String[], String> expected : LEGACY.entrySet()) {
                        rows.next();
                        String[] event = expected.getKey();
                        assertEquals(event[1], rows.getString(2), "the text is kept");
                        assertEquals(expected.getValue(), rows.getString(3), Arrays.toString(event));
                    }
                }
                assertThrows(SQLException.class, () -> sql.execute("UPDATE audit_events SET detail = 'tampered'"));
            }
        }
    }

    private static void migrate(EmbeddedDatabase server, String target) {
        Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedDatabase.USER, server.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}

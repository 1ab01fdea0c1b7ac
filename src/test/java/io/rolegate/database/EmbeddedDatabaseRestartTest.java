package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What was committed before the database stopped is there after it starts again, writes are durable, and nobody
 * reaches the database without its password (docs/deploy.md).
 */
class EmbeddedDatabaseRestartTest {

    /** PostgreSQL's SQLSTATE for a refused password. */
    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartAndFsyncIsOn() throws SQLException {
        Path data = directory.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false);
                Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (name text)");
            statement.execute("INSERT INTO kept VALUES ('before the restart')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false);
                Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            assertEquals("before the restart", single(statement, "SELECT name FROM kept"));
            assertEquals("on", single(statement, "SHOW fsync"));
            assertEquals("on", single(statement, "SHOW synchronous_commit"));
        }
    }

    @Test
    void aWrongOrMissingPasswordIsRefused() throws Exception {
        Path data = directory.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false)) {
            assertEquals(INVALID_PASSWORD, refusal(database.jdbcUrl(), "not the password"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(database.jdbcUrl(), withUser("")).close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(database.jdbcUrl(), withUser(null)).close());
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                assertEquals("localhost", single(statement, "SHOW listen_addresses"));
                assertEquals("", single(statement, "SHOW unix_socket_directories"));
                assertEquals(0, Long.parseLong(single(statement,
                        "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")));
                assertTrue(single(statement, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")
                        .startsWith("SCRAM-SHA-256$"));
            }
        }
        Path passwordFile = EmbeddedDatabase.passwordFile(data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(43, Files.readString(passwordFile).trim().length(), "256 random bits in base64url");
    }

    @Test
    void aDataDirectoryWithTrustAuthenticationGetsThePasswordOnItsFirstStart() throws Exception {
        Path data = directory.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (name text)");
            statement.execute("INSERT INTO kept VALUES ('made with trust')");
        }
        assertTrue(Files.readString(data.resolve("pg_hba.conf")).contains("trust"), "zonky's default rules");

        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false)) {
            assertEquals(INVALID_PASSWORD, refusal(database.jdbcUrl(), "not the password"));
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                assertEquals("made with trust", single(statement, "SELECT name FROM kept"));
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false)) {
            assertEquals(INVALID_PASSWORD, refusal(database.jdbcUrl(), "not the password"));
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                assertEquals("made with trust", single(statement, "SELECT name FROM kept"));
            }
        }
        assertFalse(Files.readString(data.resolve("pg_hba.conf")).contains("trust"));
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedWhileTheFirstRuns() {
        Path data = directory.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedDatabase.open(data, false));
            assertTrue(refused.getMessage().contains("Another Rolegate uses the database"), refused.getMessage());
        }
    }

    private static String refusal(String url, String password) {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, EmbeddedDatabase.USER, password).close());
        return refused.getSQLState();
    }

    private static Properties withUser(String password) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}

package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was committed before the database stopped is there after it starts again, and writes are durable. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path directory;

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.USER);
    }

    @Test
    void dataSurvivesARestartAndFsyncIsOn() throws SQLException {
        Path data = directory.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false);
                Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (name text)");
            statement.execute("INSERT INTO kept VALUES ('before the restart')");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.open(data, false);
                Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            assertEquals("before the restart", single(statement, "SELECT name FROM kept"));
            assertEquals("on", single(statement, "SHOW fsync"));
            assertEquals("on", single(statement, "SHOW synchronous_commit"));
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}

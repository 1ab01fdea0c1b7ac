package io.rolegate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rolegate.support.Session;

/** With quarkus.datasource.jdbc.url set, the application uses that server and starts no database itself. */
@QuarkusTest
@TestProfile(ExternalDatabaseTest.External.class)
class ExternalDatabaseTest {

    public static class External implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rolegate.data-directory", ExternalDatabase.applicationDataDirectory().toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ExternalDatabase.class));
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String applicationUrl;

    @ConfigProperty(name = ExternalDatabase.URL_KEY)
    String externalUrl;

    @ConfigProperty(name = ExternalDatabase.PASSWORD_KEY)
    String externalPassword;

    @Test
    void theSchemaAndTheBootstrapAdministratorLiveInTheExternalServer() throws SQLException {
        assertEquals(externalUrl, applicationUrl);
        assertFalse(Files.exists(ExternalDatabase.applicationDataDirectory().resolve("postgres")),
                "the application started an embedded database of its own");
        try (Connection connection = DriverManager.getConnection(externalUrl, EmbeddedDatabase.USER, externalPassword);
                Statement statement = connection.createStatement()) {
            assertTrue(count(statement, "SELECT count(*) FROM flyway_schema_history WHERE success") >= 1);
            assertEquals(1, count(statement, "SELECT count(*) FROM users WHERE email = 'admin@test.rolegate'"));
        }
        Session.signIn("admin@test.rolegate", "admin-password-for-tests").get("/staff/users").then().statusCode(200);
    }

    private static long count(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}

package io.rolegate.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Rows written straight into the database of a Rolegate running in another process (tests of the packaged
 * application), as another instance or an earlier session would have left them.
 */
public final class Rows implements AutoCloseable {

    private final Connection db;

    private Rows(Connection db) {
        this.db = db;
    }

    public static Rows in(String jdbcUrl, String user, String password) throws SQLException {
        return new Rows(DriverManager.getConnection(jdbcUrl, user, password));
    }

    /** A new organisation; returns its id. */
    public UUID organisation(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, now())", id, name + " " + id);
        return id;
    }

    /**
     * A connection of the organisation in the given status with a submitted role, one bucket and a current external
     * ID, due for a re-check at {@code nextCheckAt}; returns its id.
     */
    public UUID connection(UUID organisation, String status, String accountId, String roleArn, String externalId,
            Instant nextCheckAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO connections (id, organisation_id, label, account_id, partition, region, role_arn,
                    role_submitted_at, status, status_changed_at, created_at, next_check_at)
                VALUES (?, ?, ?, ?, 'aws', 'us-east-1', ?, now() - interval '1 day', ?, now(), now(), ?)""",
                id, organisation, "Reports " + id, accountId, roleArn, status, Timestamp.from(nextCheckAt));
        update("INSERT INTO connection_buckets (connection_id, position, bucket) VALUES (?, 0, ?)", id,
                "rg-" + id.toString().substring(0, 8));
        update("""
                INSERT INTO external_ids (id, connection_id, value, state, issued_at, registration_salt)
                VALUES (?, ?, ?, 'CURRENT', now(), ?)""", UUID.randomUUID(), id, externalId,
                UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""));
        return id;
    }

    /** A new API token with these scopes ({@code read,credentials}); returns the secret a client presents. */
    public String apiToken(String scopes) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = "rgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        update("INSERT INTO api_tokens (id, name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?, now())",
                UUID.randomUUID(), "service " + UUID.randomUUID(), hash, scopes);
        return token;
    }

    /** The single value a query returns, as a string (null when SQL NULL). */
    public String value(String query, Object... parameters) throws SQLException {
        try (PreparedStatement sql = prepare(query, parameters); ResultSet row = sql.executeQuery()) {
            if (!row.next()) {
                throw new AssertionError("no row for " + query);
            }
            return row.getString(1);
        }
    }

    public long count(String query, Object... parameters) throws SQLException {
        return Long.parseLong(value(query, parameters));
    }

    private void update(String statement, Object... parameters) throws SQLException {
        try (PreparedStatement sql = prepare(statement, parameters)) {
            sql.executeUpdate();
        }
    }

    private PreparedStatement prepare(String statement, Object... parameters) throws SQLException {
        PreparedStatement sql = db.prepareStatement(statement);
        for (int index = 0; index < parameters.length; index++) {
            sql.setObject(index + 1, parameters[index]);
        }
        return sql;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}

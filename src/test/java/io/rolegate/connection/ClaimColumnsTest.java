package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;

/**
 * A scheduled re-check's claim is written by plain statements while pages change the same row through entities.
 * An entity loaded before the claim and flushed after it must not write the claim columns back as they were.
 */
@QuarkusTest
class ClaimColumnsTest {

    @Inject
    DataSource database;

    @Test
    void anEntityFlushAfterASweepersClaimKeepsTheClaim() {
        Organisation organisation = Accounts.organisation("Claims");
        UUID id = Connections.create(organisation, "claimed " + Accounts.unique(), ConnectionStatus.ACTIVE, null, null).id;

        QuarkusTransaction.requiringNew().run(() -> {
            Connection loaded = Connection.findById(id);
            CompletableFuture.runAsync(() -> claim(id, "instance-b")).join();
            loaded.label = "renamed by a customer";
        });

        assertEquals("instance-b", claimedBy(id), "the claim survives the flush of the stale entity");
        QuarkusTransaction.requiringNew().run(() -> {
            Connection stored = Connection.findById(id);
            assertEquals("renamed by a customer", stored.label);
            assertNotNull(stored.claimedUntil);
        });
    }

    /** What another instance's sweeper does meanwhile, on another thread: in a transaction of its own. */
    private void claim(UUID id, String instance) {
        try (java.sql.Connection db = database.getConnection(); PreparedStatement sql = db.prepareStatement(
                "UPDATE connections SET claimed_by = ?, claimed_until = now() + interval '10 minutes' WHERE id = ?")) {
            sql.setString(1, instance);
            sql.setObject(2, id);
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String claimedBy(UUID id) {
        try (java.sql.Connection db = database.getConnection();
                PreparedStatement sql = db.prepareStatement("SELECT claimed_by FROM connections WHERE id = ?")) {
            sql.setObject(1, id);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

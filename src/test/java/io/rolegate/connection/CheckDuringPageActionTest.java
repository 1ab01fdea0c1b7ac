package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;

/**
 * A page action reads the connection first (to authorise the request), then changes it; a check may finish in
 * between. The action must succeed on the connection as the check left it and write nothing of its earlier read
 * back: before, it failed with an optimistic-lock error (a 500) whenever a check's result landed in that gap.
 */
@QuarkusTest
class CheckDuringPageActionTest {

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService service;

    @Inject
    Lifecycle lifecycle;

    /** One page action, as its resource runs it after reading the connection, and how its effect shows. */
    record Action(String name, BiConsumer<CheckDuringPageActionTest, Connection> run, Predicate<Connection> tookEffect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Action> actions() {
        return Stream.of(
                new Action("submitting a role ARN", (test, connection) -> test.service.submitRole(connection.id,
                        RoleArn.parse("arn:aws:iam::123456789012:role/rolegate-other", new AccountId("123456789012"),
                                Partition.AWS).orThrow(), test.customer),
                        after -> "arn:aws:iam::123456789012:role/rolegate-other".equals(after.roleArn)),
                new Action("starting a rotation", (test, connection) -> test.lifecycle.rotate(connection.id, test.customer),
                        after -> externalIds(after.id) == 2),
                new Action("editing the resources", (test, connection) -> test.service.editResources(connection.id,
                        ((ConnectionValidation.Valid) ConnectionValidator.validate(ConnectionForm.editing(connection,
                                connection.label, "acme-data\nacme-more", ""))).request(), test.customer),
                        after -> List.of("acme-data", "acme-more").equals(after.buckets.stream()
                                .map(GrantedBucket::display).toList())));
    }

    private Account customer;

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void aCheckFinishingAfterThePageReadTheConnectionKeepsItsResult(Action action) {
        Organisation organisation = Accounts.organisation("Race");
        customer = Accounts.customer(organisation);
        Connection connection = Connections.create(organisation, "Race " + Accounts.unique(), ConnectionStatus.ACTIVE,
                Instant.now().minus(1, ChronoUnit.DAYS), null);
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        QuarkusTransaction.requiringNew().run(() -> {
            Connection read = Connection.findById(connection.id);
            assertEquals(ConnectionStatus.ACTIVE, read.status);
            failingCheckRecorded(connection.id, checkedAt);
            action.run().accept(this, read);
        });

        Connection after = QuarkusTransaction.requiringNew().call(() -> Connection.findById(connection.id));
        assertEquals(ConnectionStatus.FAILING, after.status, "the check's result stays");
        assertEquals("FAILED", after.lastCheckOutcome);
        assertEquals(checkedAt, after.lastCheckedAt);
        assertTrue(action.tookEffect().test(after), "the action took effect");
    }

    /** What a check finishing on another instance does: lock the row and record a FAILED result. */
    private void failingCheckRecorded(UUID connectionId, Instant checkedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionRepository.Locked locked = repository.lock(connectionId);
            repository.recordCheck(locked, new ConnectionRepository.CheckRecord(UUID.randomUUID(), "FAILED",
                    checkedAt, checkedAt.plus(Duration.ofDays(1)), ConnectionStatus.FAILING, checkedAt, checkedAt));
        });
    }

    private static long externalIds(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.count("connection.id", connectionId));
    }
}

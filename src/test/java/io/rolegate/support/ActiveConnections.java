package io.rolegate.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.account.Account;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionRequest;
import io.rolegate.connection.ConnectionService;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.Artifacts;
import io.rolegate.policy.PolicyModel;
import io.rolegate.setup.SetupPages;

/**
 * A customer account in the fake AWS with the role Rolegate told it to create (the trust and permission
 * documents of {@code policy.Artifacts}), a bucket with {@code reports/daily.csv} inside the granted prefix and
 * {@code private/salaries.csv} outside it, and a connection to them set straight in the database.
 */
public final class ActiveConnections {

    public static final String PREFIX = "reports/";
    public static final String INSIDE = "reports/daily.csv";
    public static final String OUTSIDE = "private/salaries.csv";
    public static final byte[] CONTENT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    private ActiveConnections() {
    }

    public record Setup(UUID connectionId, Organisation organisation, String account, String roleArn, String bucket) {
    }

    public static Setup create(FakeAws aws, ConnectionStatus status) {
        return create(aws, status, Accounts.organisation("Broker"));
    }

    /** As {@link #create(FakeAws, ConnectionStatus)}, in the given organisation. */
    public static Setup create(FakeAws aws, ConnectionStatus status, Organisation organisation) {
        Account customer = Accounts.customer(organisation);
        String account = String.valueOf(200_000_000_000L + (long) (Math.random() * 99_999_999_999L));
        String bucket = "rg-" + Accounts.unique();
        ConnectionRequest request = new ConnectionRequest("Reports " + Accounts.unique(), new AccountId(account),
                Partition.AWS, "us-east-1", List.of(new BucketGrant(bucket, PREFIX)), List.of());
        Connection connection = Arc.container().instance(ConnectionService.class).get().create(request, customer);
        String roleArn = "arn:aws:iam::" + account + ":role/" + PolicyModel.suggestedRoleName(connection.id.toString());
        setState(connection.id, status, roleArn);
        registerRole(aws, connection.id, roleArn);
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, INSIDE, CONTENT, null);
        aws.object(bucket, OUTSIDE, CONTENT, null);
        return new Setup(connection.id, organisation, account, roleArn, bucket);
    }

    /** (Re-)registers the role with the documents Rolegate renders now, e.g. both IDs during a rotation. */
    public static void registerRole(FakeAws aws, UUID connectionId, String roleArn) {
        Artifacts artifacts = QuarkusTransaction.requiringNew().call(() -> {
            Parsed<Artifacts> parsed = Arc.container().instance(SetupPages.class).get()
                    .artifacts(Connection.findById(connectionId));
            return parsed.orThrow();
        });
        aws.role(roleArn, artifacts.trustPolicy().content(), artifacts.permissionPolicy().content());
    }

    /** What a check or an admin on another instance would do: change the status in the database. */
    public static void setStatus(UUID connectionId, ConnectionStatus status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(connectionId);
            connection.status = status;
            connection.statusChangedAt = Instant.now();
        });
    }

    private static void setState(UUID connectionId, ConnectionStatus status, String roleArn) {
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(connectionId);
            connection.status = status;
            connection.statusChangedAt = Instant.now();
            connection.roleArn = roleArn;
            connection.roleSubmittedAt = Instant.now();
        });
    }

    /** A rotation as an administrator starts it: a new CURRENT ID, the old one PREVIOUS. Returns the new value. */
    public static String rotate(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(connectionId);
            IssuedExternalId old = connection.currentExternalId();
            old.state = IssuedExternalId.State.PREVIOUS;
            IssuedExternalId.getEntityManager().flush();
            IssuedExternalId fresh = new IssuedExternalId();
            fresh.id = UUID.randomUUID();
            fresh.connection = connection;
            fresh.value = ExternalId.generate().value();
            fresh.state = IssuedExternalId.State.CURRENT;
            fresh.issuedAt = Instant.now();
            fresh.persist();
            return fresh.value;
        });
    }

    public static String currentExternalId(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(connectionId)
                .currentExternalId().value);
    }
}

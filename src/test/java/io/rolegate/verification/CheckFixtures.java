package io.rolegate.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.account.Account;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Partition;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PermissionPolicy;
import io.rolegate.policy.PolicyModel;
import io.rolegate.policy.TrustPolicy;
import io.rolegate.policy.VendorPrincipal;

/** Connections in the database and the policies Rolegate renders for them, so checks run against known setups. */
final class CheckFixtures {

    static final String VENDOR_ACCOUNT = "111111111111";

    private CheckFixtures() {
    }

    static String randomAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
    }

    /** A connection with a current external ID, its role ARN submitted {@code submittedAgo} ago. */
    static Connection connection(Organisation organisation, String account, String region, String roleArn,
            Duration submittedAgo, ConnectionStatus status, List<GrantedBucket> buckets, List<String> kmsKeys) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Connection connection = new Connection();
            connection.id = UUID.randomUUID();
            connection.organisation = Organisation.findById(organisation.id);
            connection.label = "Analytics " + connection.id.toString().substring(0, 4);
            connection.accountId = account;
            connection.partition = "aws";
            connection.region = region;
            connection.buckets.addAll(buckets);
            connection.kmsKeyArns.addAll(kmsKeys);
            connection.roleArn = roleArn;
            connection.roleSubmittedAt = roleArn == null ? null : now.minus(submittedAgo);
            connection.status = status;
            connection.statusChangedAt = now;
            connection.createdAt = now;
            connection.persist();
            IssuedExternalId externalId = new IssuedExternalId();
            externalId.id = UUID.randomUUID();
            externalId.connection = connection;
            externalId.value = ExternalId.generate().value();
            externalId.state = IssuedExternalId.State.CURRENT;
            externalId.issuedAt = now;
            externalId.persist();
            return connection;
        });
    }

    static String externalId(Connection connection) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find(
                "connection.id = ?1 and state = ?2", connection.id, IssuedExternalId.State.CURRENT).singleResult().value);
    }

    /** The model Rolegate renders its artifacts from, for this connection and role name. */
    static PolicyModel model(Connection connection, String roleName, String externalId) {
        Partition partition = Partition.fromId(connection.partition).orElseThrow();
        return new PolicyModel(connection.id.toString(), connection.label, partition, connection.region,
                new AccountId(connection.accountId), roleName, List.of(new ExternalId(externalId)),
                connection.buckets.stream().map(bucket -> new BucketGrant(bucket.bucket, bucket.prefix)).toList(),
                connection.kmsKeyArns.stream().map(arn -> KmsKeyArn.parse(arn, partition).orThrow()).toList(),
                new VendorPrincipal("arn:aws:iam::" + VENDOR_ACCOUNT + ":root"));
    }

    static String trustPolicy(PolicyModel model) {
        return TrustPolicy.json(model);
    }

    static String permissionPolicy(PolicyModel model) {
        return PermissionPolicy.json(model);
    }

    static AuditTrail.Actor actor(Account account) {
        return new AuditTrail.Actor(account.id, account.email);
    }

    /** Waits, with a deadline, until the check is no longer RUNNING. */
    static Check awaitFinished(UUID checkId, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Check.<Check>findById(checkId)),
                        check -> !check.isRunning());
    }

    static List<CheckStep> steps(UUID checkId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckStep.of(checkId));
    }

    static Connection reload(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(connectionId));
    }
}

package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logmanager.LogManager;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.aws.IssuedCredentials;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;

/** Temporary credentials are used in memory only: after a check they are in no log line and no table. */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class CheckSecretsTest {

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    @Inject
    EntityManager entityManager;

    @Test
    void temporaryCredentialsReachNeitherTheLogNorTheDatabase() {
        Organisation organisation = Accounts.organisation("Secrets");
        Account customer = Accounts.customer(organisation);
        String account = CheckFixtures.randomAccount();
        String roleName = "rolegate-" + Accounts.unique();
        String bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, "us-east-1", account);
        aws.object(bucket, "reports/daily.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), null);
        Connection connection = CheckFixtures.connection(organisation, account, "us-east-1",
                "arn:aws:iam::" + account + ":role/" + roleName, Duration.ofHours(1), ConnectionStatus.PENDING,
                List.of(new GrantedBucket(bucket, "reports/")), List.of());
        PolicyModel model = CheckFixtures.model(connection, roleName, CheckFixtures.externalId(connection));
        // No external-ID condition: the probes are granted too, so their credentials must also be dropped unseen.
        aws.role("arn:aws:iam::" + account + ":role/" + roleName,
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                        + "\"Action\":\"sts:AssumeRole\"}}",
                CheckFixtures.permissionPolicy(model));
        int before = IssuedCredentials.secrets().size();
        Capture capture = new Capture();
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        try {
            UUID checkId = checks.start(connection.id, CheckTrigger.USER,
                    CheckFixtures.actor(customer)).checkId();
            assertEquals(CheckOutcome.INSECURE, CheckFixtures.awaitFinished(checkId, Duration.ofSeconds(20)).outcome);
        } finally {
            root.removeHandler(capture);
        }

        List<String> secrets = IssuedCredentials.secrets().subList(before, IssuedCredentials.secrets().size());
        assertEquals(6, secrets.size(), "three sessions were issued: the check's and both probes'");
        String logs = capture.text();
        String tables = databaseText();
        for (String secret : secrets) {
            assertFalse(logs.contains(secret), "a temporary secret is in the log");
            assertFalse(tables.contains(secret), "a temporary secret is in the database");
        }
    }

    /** Every row of every table of the schema, as text. */
    private String databaseText() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' "
                            + "and table_type = 'BASE TABLE'").getResultList();
            StringBuilder text = new StringBuilder();
            for (String table : tables) {
                Object rows = entityManager.createNativeQuery(
                        "select coalesce(string_agg(t::text, E'\\n'), '') from \"" + table + "\" t").getSingleResult();
                text.append(rows).append('\n');
            }
            return text.toString();
        });
    }

    private static final class Capture extends Handler {
        private final List<String> lines = new ArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

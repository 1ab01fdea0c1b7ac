package io.rolegate.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.organisation.Organisation;

/** Creates connections straight in the database, in any state, with their current external ID. */
public final class Connections {

    private Connections() {
    }

    /** A valid connection form, as a customer would fill it in; tests change one field at a time. */
    public static Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        form.put("label", "Reports bucket");
        form.put("accountId", "123456789012");
        form.put("partition", "aws");
        form.put("region", "eu-west-1");
        form.put("buckets", "acme-reports/exports\nacme-raw");
        form.put("kmsKeyArns", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        return form;
    }

    /** Creates a connection through the form, as the signed-in customer, and returns its id. */
    public static String createThroughForm(Session customer, Map<String, String> form) {
        String location = customer.post("/connections/new", "/connections", form).then().statusCode(303)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static Connection create(Organisation organisation, String label) {
        return create(organisation, label, ConnectionStatus.PENDING, null, null);
    }

    public static Connection create(Organisation organisation, String label, ConnectionStatus status, Instant lastChecked,
            Instant failingSince) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = new Connection();
            connection.id = UUID.randomUUID();
            connection.organisation = Organisation.findById(organisation.id);
            connection.label = label;
            connection.accountId = "123456789012";
            connection.partition = "aws";
            connection.region = "us-east-1";
            connection.buckets.add(new GrantedBucket("acme-data", null));
            connection.status = status;
            connection.statusChangedAt = Instant.now();
            connection.lastCheckedAt = lastChecked;
            connection.lastCheckOutcome = lastChecked == null ? null : status == ConnectionStatus.FAILING ? "FAILED" : "PASSED";
            connection.failingSince = failingSince;
            connection.roleArn = "arn:aws:iam::123456789012:role/" + label.replace(' ', '-');
            connection.createdAt = Instant.now();
            connection.persist();
            IssuedExternalId id = new IssuedExternalId();
            id.id = UUID.randomUUID();
            id.connection = connection;
            id.value = ExternalId.generate().value();
            id.state = IssuedExternalId.State.CURRENT;
            id.issuedAt = Instant.now();
            id.persist();
            return connection;
        });
    }

    public static String currentExternalId(Connection connection) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedExternalId.<IssuedExternalId>find(
                "connection.id = ?1 and state = ?2", connection.id, IssuedExternalId.State.CURRENT).firstResult().value);
    }
}

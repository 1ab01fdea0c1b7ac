package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rolegate.account.Account;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.organisation.Organisation;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckService;

/**
 * PRODUCT §2: without a vendor identity in GovCloud or China (the default: only {@code aws} is configured), those
 * partitions are not offered, and connections that exist in them render no policy and make no AWS call. Before,
 * a GovCloud connection rendered {@code arn:aws-us-gov:iam::{commercial account}:root} and its check signed with the
 * commercial credentials in us-gov-west-1, where AWS does not know them, and ended INCONCLUSIVE blaming the vendor's
 * credentials.
 */
@QuarkusTest
@WithTestResource(FakeAwsResource.class)
class PartitionWithoutVendorIdentityTest {

    private static final Duration FINISH = Duration.ofSeconds(20);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    CheckService checks;

    private Organisation organisation;
    private Session customer;

    @BeforeEach
    void signIn() {
        aws.clearFaults();
        organisation = Accounts.organisation("Federal");
        customer = Session.signIn(Accounts.customer(organisation));
        aws.clearCalls();
    }

    @Test
    void theFormOffersOnlyTheCommercialPartition() {
        customer.get("/connections/new").then().statusCode(200)
                .body(containsString("<option value=\"aws\""))
                .body(not(containsString("value=\"aws-us-gov\"")))
                .body(not(containsString("value=\"aws-cn\"")));
    }

    @ParameterizedTest
    @CsvSource({ "aws-us-gov,us-gov-west-1", "aws-cn,cn-north-1" })
    void aFormNamingAPartitionNotOfferedIsRefusedAndStoresNothing(String partition, String region) {
        Map<String, String> form = Connections.form();
        form.put("label", "Federal reports");
        form.put("partition", partition);
        form.put("region", region);
        form.put("kmsKeyArns", "");
        long before = connections();

        customer.post("/connections/new", "/connections", form).then().statusCode(400)
                .body(containsString("Connections in the " + partition + " partition are not available yet"))
                .body(containsString("id=\"partition-error-0\""))
                .body(containsString("value=\"Federal reports\""));
        customer.request().header("Accept-Language", "ja").formParams(form)
                .formParam("csrf-token", customer.csrfToken("/connections/new")).post("/connections").then()
                .statusCode(400).body(containsString(partition + " パーティションの接続はまだ利用できません"));

        assertEquals(before, connections());
        assertEquals(List.of(), aws.arrivals());
    }

    @Test
    void anExistingGovCloudConnectionShowsNoPolicyTellsCustomersItIsNotAvailableAndStaffWhatToSet() {
        UUID id = govConnection(ConnectionStatus.PENDING);
        String page = "/connections/" + id;

        customer.get(page).then().statusCode(200)
                .body(containsString("Connections in AWS GovCloud (US) are not available yet"))
                .body(not(containsString("rolegate.vendor")))
                .body(not(containsString("sts:AssumeRole")))
                .body(not(containsString("arn:aws-us-gov:iam::111111111111:root")));
        customer.request().header("Accept-Language", "ja").get(page).then().statusCode(200)
                .body(containsString("AWS GovCloud (US) の接続はまだ利用できません"));
        for (String file : List.of("trust-policy.json", "permission-policy.json", "cloudformation.yaml", "main.tf",
                "create-role.sh")) {
            customer.get(page + "/" + file).then().statusCode(503);
        }
        for (Account staff : List.of(Accounts.admin(), Accounts.support())) {
            Session.signIn(staff).get(page).then().statusCode(200)
                    .body(containsString("The vendor has no identity in the aws-us-gov partition"))
                    .body(containsString("rolegate.vendor.partitions.&quot;aws-us-gov&quot;.account-id, "
                            + "rolegate.vendor.partitions.&quot;aws-us-gov&quot;.profile, "
                            + "rolegate.vendor.partitions.&quot;aws-us-gov&quot;.region"))
                    .body(containsString("ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__ACCOUNT_ID, "
                            + "ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__PROFILE, "
                            + "ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__REGION"))
                    .body(not(containsString("sts:AssumeRole")));
        }
        assertEquals(List.of(), aws.arrivals());
    }

    @Test
    void aCheckOfAGovCloudConnectionEndsWithoutCallingAws() {
        UUID id = govConnection(ConnectionStatus.ACTIVE);

        JsonPath check = runCheck(id);

        assertEquals("INCONCLUSIVE", check.getString("outcome"), check.prettify());
        assertEquals("RG-PARTITION-UNAVAILABLE", check.getString("steps.find { it.name == 'assume-role' }.code"),
                check.prettify());
        assertEquals(List.of(), aws.arrivals(), "not a single request reached AWS");
        assertEquals(ConnectionStatus.ACTIVE, status(id), "an inconclusive check never changes the status");
        String fix = check.getString("steps.find { it.name == 'assume-role' }.fix");
        assertTrue(fix.contains("Customers need to do nothing"), fix);
        assertTrue(fix.contains("ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__ACCOUNT_ID"), fix);
    }

    @Test
    void aScheduledRecheckOfAChinaConnectionEndsWithoutCallingAws() throws Exception {
        UUID id = connection("aws-cn", "cn-north-1", ConnectionStatus.FAILING);

        checks.recheck(id).get(FINISH.toSeconds(), TimeUnit.SECONDS);

        Check last = QuarkusTransaction.requiringNew().call(() -> Check.<Check>find(
                "connectionId = ?1 order by startedAt desc", id).firstResult());
        assertEquals(CheckOutcome.INCONCLUSIVE, last.outcome);
        assertEquals(List.of(), aws.arrivals());
        assertEquals(ConnectionStatus.FAILING, status(id));
    }

    @Test
    void theBrokerRefusesAGovCloudConnectionWithoutCallingAws() {
        UUID id = govConnection(ConnectionStatus.ACTIVE);

        ApiClient.withScopes(Scope.CREDENTIALS).request().body(Map.of("purpose", "export"))
                .post("/api/v1/connections/" + id + "/credentials").then().statusCode(409)
                .body("code", equalTo("partition_unavailable"));

        assertEquals(List.of(), aws.arrivals());
    }

    private UUID govConnection(ConnectionStatus status) {
        return connection("aws-us-gov", "us-gov-west-1", status);
    }

    /** A connection made while its partition was still offered, with its role submitted long ago. */
    private UUID connection(String partitionId, String region, ConnectionStatus status) {
        Partition partition = Partition.fromId(partitionId).orElseThrow();
        String account = "123456789012";
        ConnectionRequest request = new ConnectionRequest("Federal " + Accounts.unique(), new AccountId(account),
                partition, region, List.of(new BucketGrant("acme-federal", null)), List.of());
        Account owner = QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("organisation.id",
                organisation.id).firstResult());
        UUID id = Arc.container().instance(ConnectionService.class).get().create(request, owner).id;
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(id);
            connection.status = status;
            connection.statusChangedAt = Instant.now();
            connection.roleArn = "arn:" + partitionId + ":iam::" + account + ":role/"
                    + PolicyModel.suggestedRoleName(id.toString());
            connection.roleSubmittedAt = Instant.now().minus(Duration.ofHours(1));
        });
        return id;
    }

    private JsonPath runCheck(UUID id) {
        String page = "/connections/" + id;
        String checkPage = customer.post(page, page + "/checks", Map.of()).then().statusCode(303).extract()
                .header("Location");
        return Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(50))
                .until(() -> customer.request().accept("application/json").get(checkPage).then().statusCode(200)
                        .extract().jsonPath(), json -> !"RUNNING".equals(json.getString("outcome")));
    }

    private long connections() {
        return QuarkusTransaction.requiringNew().call(() -> Connection.count("organisation.id", organisation.id));
    }

    private static ConnectionStatus status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(id).status);
    }
}

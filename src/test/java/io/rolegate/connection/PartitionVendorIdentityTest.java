package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.rolegate.api.Scope;
import io.rolegate.aws.fake.AwsCall;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.policy.PolicyModel;
import io.rolegate.support.Accounts;
import io.rolegate.support.ApiClient;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;

/**
 * PRODUCT §2 with a vendor identity in GovCloud and China (their accounts, AWS SDK profiles and STS regions, as an
 * operator configures them): the form offers both partitions, the trust policy names the partition's own vendor
 * account, and checks and the broker sign with that partition's credentials at that partition's STS endpoint. The
 * customer's role in the stand-in AWS is made from the documents Rolegate renders.
 */
@QuarkusTest
@TestProfile(PartitionVendorIdentityTest.GovCloudAndChina.class)
@WithTestResource(FakeAwsResource.class)
class PartitionVendorIdentityTest {

    /** The vendor identities of the other partitions, with the profiles {@link FakeAwsResource} writes. */
    public static class GovCloudAndChina implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rolegate.vendor.partitions.\"aws-us-gov\".account-id", FakeAws.GOV_VENDOR_ACCOUNT_ID,
                    "rolegate.vendor.partitions.\"aws-us-gov\".profile", FakeAwsResource.GOV_PROFILE,
                    "rolegate.vendor.partitions.\"aws-us-gov\".region", "us-gov-west-1",
                    "rolegate.vendor.partitions.\"aws-cn\".account-id", FakeAws.CN_VENDOR_ACCOUNT_ID,
                    "rolegate.vendor.partitions.\"aws-cn\".profile", FakeAwsResource.CN_PROFILE,
                    "rolegate.vendor.partitions.\"aws-cn\".region", "cn-north-1");
        }
    }

    private static final Duration FINISH = Duration.ofSeconds(20);
    private static final byte[] CONTENT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    @InjectFakeAws
    FakeAws aws;

    private Session customer;

    /** A connection created through the form, whose role the customer made from the rendered documents. */
    private record Setup(String id, String page, String account, String roleArn, String externalId, String trustPolicy) {
    }

    @BeforeEach
    void signIn() {
        aws.clearFaults();
        customer = Session.signIn(Accounts.customer(Accounts.organisation("Federal")));
    }

    @Test
    void theFormOffersEveryPartitionWithAVendorIdentity() {
        customer.get("/connections/new").then().statusCode(200)
                .body(containsString("<option value=\"aws\""))
                .body(containsString("<option value=\"aws-us-gov\""))
                .body(containsString("<option value=\"aws-cn\""));
    }

    @Test
    void aGovCloudConnectionTrustsTheGovCloudVendorAndItsCheckPassesWithGovCloudCredentials() {
        Setup gov = connect("aws-us-gov", "us-gov-east-1", null);

        assertTrue(gov.trustPolicy().contains("\"arn:aws-us-gov:iam::404040404040:root\""), gov.trustPolicy());
        assertFalse(gov.trustPolicy().contains(aws.vendorAccountId()), "the commercial account means nothing there");
        customer.get(gov.page()).then().statusCode(200)
                .body(containsString("arn:aws-us-gov:iam::404040404040:root"))
                .body(not(containsString("id=\"artifacts-unavailable\"")));
        aws.clearCalls();

        JsonPath check = runCheck(gov);

        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        assertSignedIn(gov, "aws-us-gov", "us-gov-west-1", "us-gov-east-1");
    }

    @Test
    void aChinaConnectionWithAKmsKeyPassesItsCheckWithChinaCredentialsAtTheChinaEndpoints() {
        Setup china = connect("aws-cn", "cn-northwest-1", "1234abcd-12ab-34cd-56ef-1234567890ab");

        assertTrue(china.trustPolicy().contains("\"arn:aws-cn:iam::868686868686:root\""), china.trustPolicy());
        aws.clearCalls();

        JsonPath check = runCheck(china);

        assertEquals("PASSED", check.getString("outcome"), check.prettify());
        assertSignedIn(china, "aws-cn", "cn-north-1", "cn-northwest-1");
        assertTrue(aws.calls().stream().anyMatch(call -> "GetObject".equals(call.operation()) && call.succeeded()),
                "the SSE-KMS object was read: kms:ViaService names S3 of the China partition");
    }

    @Test
    void theBrokerHandsOutGovCloudCredentialsObtainedWithTheGovCloudVendorCredentials() {
        Setup gov = connect("aws-us-gov", "us-gov-west-1", null);
        assertEquals("PASSED", runCheck(gov).getString("outcome"));
        aws.clearCalls();

        ApiClient.withScopes(Scope.CREDENTIALS).request().body(Map.of("purpose", "export"))
                .post("/api/v1/connections/" + gov.id() + "/credentials").then().statusCode(200)
                .body("region", equalTo("us-gov-west-1"))
                .body("roleArn", equalTo(gov.roleArn()));

        List<AwsCall> calls = aws.calls();
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("AssumeRole", calls.get(0).operation());
        assertEquals(aws.vendorUserArn("aws-us-gov"), calls.get(0).callerArn());
        assertEquals("us-gov-west-1", calls.get(0).region());
        assertEquals(gov.externalId(), calls.get(0).externalId());
        assertTrue(calls.get(0).succeeded());
    }

    @Test
    void aGovCloudRoleThatTrustsTheCommercialVendorAccountFailsItsCheck() {
        Setup gov = connect("aws-us-gov", "us-gov-west-1", null);
        // What Rolegate used to render: the commercial account number in the GovCloud partition.
        aws.role(gov.roleArn(), gov.trustPolicy().replace(FakeAws.GOV_VENDOR_ACCOUNT_ID, aws.vendorAccountId()),
                customer.get(gov.page() + "/permission-policy.json").asString());
        QuarkusTransaction.requiringNew().run(() -> Connection.<Connection>findById(UUID.fromString(gov.id()))
                .roleSubmittedAt = Instant.now().minus(Duration.ofHours(1)));

        JsonPath check = runCheck(gov);

        assertEquals("FAILED", check.getString("outcome"), check.prettify());
        assertEquals("RG-TRUST-DENIED", check.getString("steps.find { it.name == 'assume-role' }.code"));
    }

    /**
     * Every STS call went to the partition's configured STS region signed by the partition's vendor user (AssumeRole)
     * or the session (GetCallerIdentity); every S3 call to the bucket's region, signed by the session; nothing was
     * signed with the commercial credentials.
     */
    private void assertSignedIn(Setup setup, String partition, String stsRegion, String bucketRegion) {
        List<AwsCall> calls = aws.calls();
        String session = "arn:" + partition + ":sts::" + setup.account() + ":assumed-role/";
        assertFalse(calls.isEmpty());
        for (AwsCall call : calls) {
            if (call.service() == FakeAws.Service.STS) {
                assertEquals(stsRegion, call.region(), call.toString());
                assertTrue("AssumeRole".equals(call.operation()) ? aws.vendorUserArn(partition).equals(call.callerArn())
                        : call.callerArn().startsWith(session), call.toString());
            } else {
                assertEquals(bucketRegion, call.region(), call.toString());
                assertTrue(call.callerArn().startsWith(session), call.toString());
            }
        }
        assertTrue(calls.stream().anyMatch(call -> "AssumeRole".equals(call.operation()) && call.succeeded()
                && setup.externalId().equals(call.externalId())));
    }

    /** Creates the connection through the form and the customer's role and bucket from what the pages render. */
    private Setup connect(String partition, String region, String kmsKeyId) {
        String account = String.valueOf(500_000_000_000L + (long) (Math.random() * 99_999_999_999L));
        String bucket = "acme-" + Accounts.unique();
        String keyArn = kmsKeyId == null ? null : "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + kmsKeyId;
        Map<String, String> form = new HashMap<>(Connections.form());
        form.put("accountId", account);
        form.put("partition", partition);
        form.put("region", region);
        form.put("buckets", bucket + "/reports/");
        form.put("kmsKeyArns", keyArn == null ? "" : keyArn);
        String id = Connections.createThroughForm(customer, form);
        String page = "/connections/" + id;
        String trust = customer.get(page + "/trust-policy.json").then().statusCode(200).extract().asString();
        String roleArn = "arn:" + partition + ":iam::" + account + ":role/" + PolicyModel.suggestedRoleName(id);
        aws.role(roleArn, trust, customer.get(page + "/permission-policy.json").then().statusCode(200).extract().asString());
        aws.bucket(bucket, region, account);
        aws.object(bucket, "reports/daily.csv", CONTENT, keyArn);
        customer.post(page, page + "/role", Map.of("roleArn", roleArn)).then().statusCode(303);
        String externalId = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(UUID.fromString(id))
                .currentExternalId().value);
        return new Setup(id, page, account, roleArn, externalId, trust);
    }

    private JsonPath runCheck(Setup setup) {
        String checkPage = customer.post(setup.page(), setup.page() + "/checks", Map.of()).then().statusCode(303)
                .extract().header("Location");
        return Awaitility.await().atMost(FINISH).pollInterval(Duration.ofMillis(50))
                .until(() -> customer.request().accept("application/json").get(checkPage).then().statusCode(200)
                        .extract().jsonPath(), json -> !"RUNNING".equals(json.getString("outcome")));
    }
}

package io.rolegate.registration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.account.Account;
import io.rolegate.audit.AuditEvent;
import io.rolegate.aws.fake.CustomResourceResponse;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.InjectFakeAws;
import io.rolegate.aws.fake.Stack;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.RoleSubmission;
import io.rolegate.setup.TemplateRetries;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.verification.Check;
import io.rolegate.verification.CheckOutcome;
import io.rolegate.verification.CheckTrigger;

/**
 * PRODUCT §12 end to end against the stand-in AWS: the setup page's Launch Stack link names the template Rolegate
 * published, the stand-in's CloudFormation deploys that very template in the customer's account, its custom resource
 * reaches Rolegate through SNS and SQS, and the connection becomes ACTIVE without anyone typing a role ARN. Then
 * each way a registration can be wrong, repeated or hostile.
 */
@QuarkusTest
@WithTestResource(OnboardingAws.class)
class OneClickOnboardingTest {

    private static final Duration STACK = Duration.ofSeconds(30);
    private static final Pattern LAUNCH_LINK = Pattern.compile("id=\"quick-create\" href=\"([^\"]+)\"");
    private static final byte[] REPORT = "date,total\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8);

    @InjectFakeAws
    FakeAws aws;

    @Inject
    MeterRegistry metrics;

    @Inject
    TemplateRetries retries;

    @AfterEach
    void calmAws() {
        aws.clearFaults();
        aws.interceptCustomResourceRequests(null);
        aws.duplicateDeliveries(0);
    }

    /** A customer with a new connection whose bucket holds a report, and the setup page's Launch Stack link. */
    record Onboarding(Session customer, UUID id, String account, String region, Map<String, String> link) {

        String templateUrl() {
            return link.get("templateURL");
        }

        Stack launch(FakeAws aws) {
            return aws.launchStack(account, region, link.get("stackName"), templateUrl(),
                    Map.of("ExternalId", link.get("param_ExternalId")));
        }
    }

    private Onboarding onboarding(String region) {
        Account customer = Accounts.customer(Accounts.organisation("One click"));
        Session session = Session.signIn(customer);
        String account = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
        String bucket = "rg-" + Accounts.unique();
        aws.bucket(bucket, region, account);
        aws.object(bucket, "reports/daily.csv", REPORT, null);
        Map<String, String> form = Connections.form();
        form.put("accountId", account);
        form.put("region", region);
        form.put("buckets", bucket + "/reports");
        form.put("kmsKeyArns", "");
        UUID id = UUID.fromString(Connections.createThroughForm(session, form));
        String page = session.get("/connections/" + id).then().statusCode(200).extract().asString();
        return new Onboarding(session, id, account, region, launchLink(page));
    }

    /** The Launch Stack link of a setup page, split into its quick-create parameters. */
    private static Map<String, String> launchLink(String page) {
        Matcher matcher = LAUNCH_LINK.matcher(page);
        assertTrue(matcher.find(), "the setup page offers Launch Stack");
        URI link = URI.create(matcher.group(1).replace("&amp;", "&"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("host", link.getHost());
        values.put("region", link.getQuery().replace("region=", ""));
        String fragment = link.getRawFragment();
        values.put("route", fragment.substring(0, fragment.indexOf('?')));
        for (String pair : fragment.substring(fragment.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Connection connection(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(id));
    }

    private static List<Check> checks(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Check.<Check>list("connectionId", id));
    }

    private double registrations(String result) {
        var counter = metrics.find("rolegate.registrations").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCustomerLaunchesTheStackAndTheConnectionBecomesActiveWithoutTypingAnArn() {
        Onboarding onboarding = onboarding("eu-west-1");
        assertEquals("console.aws.amazon.com", onboarding.link().get("host"));
        assertEquals("eu-west-1", onboarding.link().get("region"));
        assertEquals("/stacks/quickcreate", onboarding.link().get("route"));
        assertEquals("rolegate-" + onboarding.id(), onboarding.link().get("stackName"));
        assertEquals(Connections.currentExternalId(connection(onboarding.id())), onboarding.link().get("param_ExternalId"));

        // The link names the template Rolegate published: the download's very text, stored as YAML.
        String key = onboarding.templateUrl().substring(onboarding.templateUrl().indexOf("/connections/") + 1);
        assertTrue(onboarding.templateUrl().startsWith(aws.endpoint() + "/" + OnboardingAws.TEMPLATE_BUCKET + "/connections/"),
                onboarding.templateUrl());
        FakeAws.StoredObject published = aws.storedObject(OnboardingAws.TEMPLATE_BUCKET, key);
        String download = onboarding.customer().get("/connections/" + onboarding.id() + "/cloudformation.yaml").asString();
        assertEquals(download, new String(published.content(), StandardCharsets.UTF_8));
        assertTrue(published.contentType().startsWith("application/yaml"), published.contentType());
        assertTrue(download.contains("Custom::RolegateRegistration"), download);

        String page = onboarding.customer().get("/connections/" + onboarding.id()).asString();
        assertTrue(page.contains("id=\"stack-waiting\""), "the page waits for the stack");
        assertNull(onboarding.customer().get("/connections/" + onboarding.id() + "/registration").jsonPath().getString("roleArn"));

        Stack stack = onboarding.launch(aws);
        CustomResourceResponse response = stack.awaitResponse("Registration", "Create", STACK);
        assertEquals("SUCCESS", response.status(), response.reason());
        assertEquals(onboarding.id().toString(), response.data().get("ConnectionId"));
        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(STACK));

        String roleArn = "arn:aws:iam::" + onboarding.account() + ":role/rolegate-" + onboarding.id();
        await().atMost(STACK).until(() -> connection(onboarding.id()).status == ConnectionStatus.ACTIVE);
        Connection active = connection(onboarding.id());
        assertEquals(roleArn, active.roleArn);
        List<Check> checks = checks(onboarding.id());
        assertEquals(1, checks.size());
        assertEquals(CheckOutcome.PASSED, checks.get(0).outcome);
        assertEquals(CheckTrigger.STACK, checks.get(0).trigger);
        List<RoleSubmission> submissions = QuarkusTransaction.requiringNew().call(() -> RoleSubmission.history(onboarding.id()));
        assertEquals(1, submissions.size());
        assertNull(submissions.get(0).submittedBy, "nobody typed it");
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.recentForConnection(onboarding.id(), 20));
        assertTrue(events.stream().anyMatch(event -> event.action.equals("connection.role-registered")
                && event.actor.equals("cloudformation-stack:rolegate-" + onboarding.id())
                && List.of(roleArn).equals(List.of(event.detailArgs))), events.toString());

        var state = onboarding.customer().get("/connections/" + onboarding.id() + "/registration").jsonPath();
        assertEquals(roleArn, state.getString("roleArn"));
        assertEquals("/connections/" + onboarding.id() + "/checks/" + checks.get(0).id, state.getString("checkUrl"));
        String after = onboarding.customer().get("/connections/" + onboarding.id()).asString();
        assertFalse(after.contains("id=\"stack-waiting\""), "no more waiting once the role is known");
        assertFalse(after.contains("id=\"quick-create\""), "a second stack would fail on the existing role");
    }

    @Test
    void aTamperedTokenIsAnsweredFailedWithAReasonAndNothingIsRecorded() {
        Onboarding onboarding = onboarding("us-east-1");
        aws.interceptCustomResourceRequests(request -> ((ObjectNode) request.get("ResourceProperties"))
                .put("RegistrationToken", "rgr-" + "0".repeat(64)));
        Stack stack = onboarding.launch(aws);
        CustomResourceResponse response = stack.awaitResponse("Registration", "Create", STACK);
        assertEquals("FAILED", response.status());
        assertTrue(response.reason().contains("RegistrationToken is not this connection's"), response.reason());
        assertEquals("ROLLBACK_COMPLETE", stack.awaitCompletion(STACK));
        assertEquals("SUCCESS", stack.awaitResponse("Registration", "Delete", STACK).status(), "a rollback never hangs");
        Connection connection = connection(onboarding.id());
        assertNull(connection.roleArn);
        assertEquals(ConnectionStatus.PENDING, connection.status);
        assertEquals(List.of(), checks(onboarding.id()));
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.recentForConnection(onboarding.id(), 20));
        assertTrue(events.stream().anyMatch(event -> event.action.equals("registration.rejected")), events.toString());
        assertFalse(events.stream().anyMatch(event -> event.action.equals("connection.stack-deleted")), events.toString());
    }

    @Test
    void aStackInAnotherAccountIsAnsweredFailed() {
        Onboarding onboarding = onboarding("us-east-1");
        String other = "999999999999";
        aws.interceptCustomResourceRequests(request -> request.put("StackId",
                request.get("StackId").asText().replace(":" + onboarding.account() + ":", ":" + other + ":")));
        Stack stack = onboarding.launch(aws);
        CustomResourceResponse response = stack.awaitResponse("Registration", "Create", STACK);
        assertEquals("FAILED", response.status());
        assertTrue(response.reason().contains(other) && response.reason().contains(onboarding.account()), response.reason());
        assertNull(connection(onboarding.id()).roleArn);
    }

    @Test
    void deletingTheStackIsAnsweredSuccessAndTheNextCheckFails() {
        Onboarding onboarding = onboarding("us-east-1");
        Stack stack = onboarding.launch(aws);
        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(STACK));
        await().atMost(STACK).until(() -> connection(onboarding.id()).status == ConnectionStatus.ACTIVE);
        // A stack deleted long after it registered the role: AccessDenied is then final, not IAM propagation.
        QuarkusTransaction.requiringNew().run(() -> Connection.getEntityManager().createNativeQuery(
                "UPDATE connections SET role_submitted_at = role_submitted_at - interval '1 hour' WHERE id = ?1")
                .setParameter(1, onboarding.id()).executeUpdate());

        aws.deleteStack(onboarding.account(), onboarding.region(), stack.stackName());
        assertEquals("SUCCESS", stack.awaitResponse("Registration", "Delete", STACK).status());
        assertEquals("DELETE_COMPLETE", stack.awaitCompletion(STACK));
        await().atMost(STACK).until(() -> connection(onboarding.id()).status == ConnectionStatus.FAILING);
        List<Check> checks = checks(onboarding.id());
        assertEquals(2, checks.size());
        assertTrue(checks.stream().anyMatch(check -> check.outcome == CheckOutcome.FAILED), checks.toString());
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.recentForConnection(onboarding.id(), 20));
        assertTrue(events.stream().anyMatch(event -> event.action.equals("connection.stack-deleted")), events.toString());
    }

    @Test
    void aResponseUrlOffS3IsNeverRequested() {
        Onboarding onboarding = onboarding("us-east-1");
        URI trap = aws.trapEndpoint();
        double refused = registrations("response-url-refused");
        aws.interceptCustomResourceRequests(request -> request.put("ResponseURL",
                trap + "/cloudformation-custom-resource-response?X-Amz-Signature=forged"));
        onboarding.launch(aws);
        await().atMost(STACK).until(() -> registrations("response-url-refused") > refused);
        assertEquals(List.of(), aws.trapRequests());
        assertNull(connection(onboarding.id()).roleArn);
    }

    @Test
    void aDuplicateDeliveryIsHandledOnce() {
        Onboarding onboarding = onboarding("us-east-1");
        double duplicates = registrations("duplicate");
        aws.duplicateDeliveries(2);
        Stack stack = onboarding.launch(aws);
        assertEquals("CREATE_COMPLETE", stack.awaitCompletion(STACK));
        await().atMost(STACK).until(() -> registrations("duplicate") >= duplicates + 2);
        await().atMost(STACK).until(() -> connection(onboarding.id()).status == ConnectionStatus.ACTIVE);
        assertEquals(1, checks(onboarding.id()).size(), "one check");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> RoleSubmission.history(onboarding.id())).size());
        assertEquals(1, aws.responseUrlPuts().stream().filter(put -> put.call() != null
                && put.call().stack().stackName().equals(stack.stackName())).count(), "one answer");
    }

    /** Two pollers share the queue (OnboardingAws): each of many registrations is handled once. */
    @Test
    void manyStacksAtOnceAreEachHandledOnce() {
        List<Onboarding> onboardings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onboardings.add(onboarding("us-east-1"));
        }
        List<Stack> stacks = onboardings.stream().map(onboarding -> onboarding.launch(aws)).toList();
        stacks.forEach(stack -> assertEquals("CREATE_COMPLETE", stack.awaitCompletion(STACK)));
        for (Onboarding onboarding : onboardings) {
            await().atMost(STACK).until(() -> connection(onboarding.id()).status == ConnectionStatus.ACTIVE);
            assertEquals(1, checks(onboarding.id()).size());
        }
        Map<String, Long> answers = new HashMap<>();
        aws.responseUrlPuts().stream().filter(put -> put.call() != null)
                .forEach(put -> answers.merge(put.call().requestId(), 1L, Long::sum));
        stacks.forEach(stack -> assertEquals(1L, answers.get(stack.customResourceCalls().get(0).requestId())));
    }

    @Test
    void garbageOnTheQueueIsDroppedCountedAndTheWorkerCarriesOn() {
        double malformed = registrations("malformed");
        String topic = "arn:aws:sns:us-east-1:" + aws.vendorAccountId() + ":" + OnboardingAws.TOPIC;
        aws.publish(topic, "AWS CloudFormation custom resource request", "not json at all");
        aws.publish(topic, "x", "{\"RequestType\":\"Create\"}");
        aws.publish(topic, "x", "\u0000\u202e{}");
        await().atMost(STACK).until(() -> registrations("malformed") >= malformed + 3);

        Onboarding onboarding = onboarding("us-east-1");
        assertEquals("CREATE_COMPLETE", onboarding.launch(aws).awaitCompletion(STACK), "the worker is alive");
    }

    @Test
    void aFailedUploadIsRetriedAndShownToStaff() {
        aws.failWith5xx(FakeAws.Service.S3, 100);
        Account customer = Accounts.customer(Accounts.organisation("Upload"));
        Session session = Session.signIn(customer);
        Map<String, String> form = Connections.form();
        form.put("kmsKeyArns", "");
        String id = Connections.createThroughForm(session, form);
        String page = session.get("/connections/" + id).then().statusCode(200).extract().asString();
        assertFalse(page.contains("id=\"quick-create\""), "no link to a template that is not there");
        assertTrue(page.contains("id=\"launch-stack-preparing\""), page);
        assertFalse(page.contains("id=\"launch-stack-failed\""), "customers are not shown the vendor's error");
        String staff = Session.signIn(Accounts.support()).get("/connections/" + id).then().statusCode(200).extract().asString();
        assertTrue(staff.contains("id=\"launch-stack-failed\""), staff);

        aws.clearFaults();
        QuarkusTransaction.requiringNew().run(() -> Connection.getEntityManager().createNativeQuery(
                "UPDATE published_templates SET next_attempt_at = now() WHERE connection_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        assertTrue(retries.retryDue() >= 1);
        String after = session.get("/connections/" + id).asString();
        Map<String, String> link = launchLink(after);
        assertNotNull(aws.storedObject(OnboardingAws.TEMPLATE_BUCKET,
                link.get("templateURL").substring(link.get("templateURL").indexOf("/connections/") + 1)));
        assertFalse(Session.signIn(Accounts.support()).get("/connections/" + id).asString().contains("id=\"launch-stack-failed\""));
    }
}

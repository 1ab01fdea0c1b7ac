package io.rolegate.connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rolegate.account.Account;
import io.rolegate.audit.AuditTrail;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Session;
import io.rolegate.web.ViewerZone;

@QuarkusTest
class ConnectionPagesTest {

    private static final Pattern EXTERNAL_ID = Pattern.compile("<code id=\"external-id\">([^<]+)</code>");

    private Organisation acme;
    private Session customer;

    @BeforeEach
    void signIn() {
        acme = Accounts.organisation("Acme");
        customer = Session.signIn(Accounts.customer(acme));
    }

    private String create(Session session, Map<String, String> form) {
        Response response = session.post("/connections/new", "/connections", form);
        response.then().statusCode(303).header("Location", matchesPattern(".*/connections/[0-9a-f-]{36}$"));
        String location = response.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static long connections(Organisation organisation) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.count("organisation.id", organisation.id));
    }

    @Test
    void creatingAConnectionLeadsToItsSetupPageWithTheExternalIdAndAllArtifacts() {
        String id = create(customer, Connections.form());
        String page = customer.get("/connections/" + id).then().statusCode(200).extract().asString();

        Matcher externalId = EXTERNAL_ID.matcher(page);
        assertTrue(externalId.find(), "the external ID is shown");
        assertTrue(ExternalId.matchesAwsPattern(externalId.group(1)));
        assertTrue(page.contains("&quot;sts:ExternalId&quot; : &quot;" + externalId.group(1)), "the trust policy requires it");
        assertTrue(page.contains("arn:aws:iam::111111111111:root"), "the vendor account is trusted");
        assertTrue(page.contains("arn:aws:s3:::acme-reports/exports*"), "the permission policy grants the prefix");
        for (String file : List.of("cloudformation.yaml", "main.tf", "create-role.sh", "trust-policy.json", "permission-policy.json")) {
            assertTrue(page.contains("/connections/" + id + "/" + file), "download link for " + file);
        }
        assertTrue(page.contains("data-copy-target=\"external-id\""), "copy button");

        String again = customer.get("/connections/" + id).asString();
        Matcher reloaded = EXTERNAL_ID.matcher(again);
        assertTrue(reloaded.find());
        assertEquals(externalId.group(1), reloaded.group(1), "the external ID never changes on reload");
        customer.get("/connections").then().statusCode(200).body(containsString("Reports bucket"));
    }

    @Test
    void theFlashAfterCreatingIsShownOnceAndItsCookieCleared() {
        Response created = customer.post("/connections/new", "/connections", Connections.form());
        String location = created.getHeader("Location");
        Response page = customer.get(location.substring(location.indexOf("/connections/")));
        page.then().statusCode(200).body(containsString("Connection created."))
                .header("Cache-Control", containsString("no-store"));
        assertTrue(page.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(cookie -> cookie.startsWith("rolegate-flash=;") && cookie.contains("Max-Age=0")));
        customer.get(location.substring(location.indexOf("/connections/"))).then()
                .body(not(containsString("Connection created.")));
    }

    @Test
    void theCustomerSeesTheRecentUsesOfItsRole() {
        String id = create(customer, Connections.form());
        customer.get("/connections/" + id).then().body(containsString("id=\"credential-uses-empty\""));
    }

    @Test
    void downloadsCarryTheRightTypesAndFileNamesAndTheSameDocuments() {
        String id = create(customer, Connections.form());
        String trust = customer.get("/connections/" + id + "/trust-policy.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", "attachment; filename=\"trust-policy.json\"")
                .extract().asString();
        customer.get("/connections/" + id + "/permission-policy.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", "attachment; filename=\"permission-policy.json\"");
        String yaml = customer.get("/connections/" + id + "/cloudformation.yaml").then().statusCode(200)
                .contentType(containsString("yaml"))
                .header("Content-Disposition", "attachment; filename=\"cloudformation.yaml\"")
                .extract().asString();
        String terraform = customer.get("/connections/" + id + "/main.tf").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .header("Content-Disposition", "attachment; filename=\"main.tf\"")
                .extract().asString();
        assertTrue(yaml.contains("AWS::IAM::Role"));
        assertTrue(terraform.contains("aws_iam_role"));
        String externalId = trust.replaceAll("(?s).*\"sts:ExternalId\" : \"([^\"]+)\".*", "$1");
        assertTrue(yaml.contains(externalId) && terraform.contains(externalId));
        customer.get("/connections/" + id + "/other.txt").then().statusCode(404);
    }

    @Test
    void anotherOrganisationsConnectionIsNotFoundEverywhere() {
        String id = create(customer, Connections.form());
        Session stranger = Session.signIn(Accounts.customer(Accounts.organisation("Other")));
        stranger.get("/connections/" + id).then().statusCode(404).body(not(containsString("Reports bucket")));
        for (String file : List.of("trust-policy.json", "permission-policy.json", "cloudformation.yaml", "main.tf")) {
            stranger.get("/connections/" + id + "/" + file).then().statusCode(404);
        }
        stranger.post("/connections", "/connections/" + id + "/role",
                Map.of("roleArn", "arn:aws:iam::123456789012:role/x")).then().statusCode(404);
        stranger.get("/connections").then().body(not(containsString("Reports bucket")));
        stranger.get("/connections/not-a-uuid").then().statusCode(404);
        stranger.get("/connections/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void staffSeeEveryConnectionsSetupPageButCannotCreateOne() {
        String id = create(customer, Connections.form());
        Session support = Session.signIn(Accounts.support());
        support.get("/connections/" + id).then().statusCode(200).body(containsString("Reports bucket"));
        support.get("/connections/new").then().statusCode(403);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "label|''|Enter a label.",
            "label|Bad\u0007label|cannot contain control characters",
            "accountId|12345678901|exactly 12 digits",
            "accountId|12345678901a|exactly 12 digits",
            "partition|aws-mars|is not a partition",
            "region|mars-east-1|is not an AWS region",
            "region|cn-north-1|belongs to the aws-cn partition",
            "buckets|''|Enter at least one bucket.",
            "buckets|ab|a bucket name has 3 to 63 characters",
            "buckets|Acme-Reports|bucket names are lowercase",
            "buckets|acme_reports|only lowercase letters, digits, dots and hyphens",
            "buckets|-acme|starts and ends with a letter or digit",
            "buckets|acme..reports|two dots in a row",
            "buckets|192.168.5.4|look like an IP address",
            "buckets|xn--acme|AWS reserves bucket names starting with xn--",
            "buckets|acme-s3alias|AWS reserves bucket names ending with -s3alias",
            "buckets|acme//reports|without a leading slash",
            "buckets|acme/rep*rts|cannot contain * or ?",
            "buckets|s3://acme-reports|not an s3:// address",
            "buckets|acme-reports/rg-data/レポート/2026/|IAM accepts only characters up to U+00FF in policy documents, and the CloudFormation and Terraform artifacts cannot carry レ (U+30EC) in any other form. Grant acme-reports/rg-data/ instead",
            "buckets|acme-reports/rg-data/😀/|cannot carry 😀 (U+1F600) in any other form. Grant acme-reports/rg-data/ instead",
            "kmsKeyArns|arn:aws:kms:eu-west-1:123456789012:alias/reports|kms:Decrypt must name the key itself",
            "kmsKeyArns|arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab|this key is in the aws-cn partition",
            "kmsKeyArns|not-an-arn|a KMS key ARN looks like",
    })
    void eachRuleRefusesWithItsOwnMessageKeepsTheInputAndStoresNothing(String field, String value, String message) {
        Map<String, String> form = Connections.form();
        form.put(field, value);
        long before = connections(acme);
        customer.post("/connections/new", "/connections", form).then().statusCode(400)
                .body(containsString(message))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Reports bucket".equals(form.get("label")) ? "value=\"Reports bucket\"" : "name=\"label\""));
        assertEquals(before, connections(acme));
    }

    /** Accepted before the form refused such prefixes: the page says why no policy is shown, to everyone, and renders none. */
    @Test
    void aStoredPrefixBeyondIamsCharactersRendersNoPolicyAndSaysWhatToDo() {
        Connection connection = Connections.create(acme, "Japanese folder " + Accounts.unique());
        QuarkusTransaction.requiringNew().run(() -> Connection.<Connection>findById(connection.id).buckets
                .set(0, new GrantedBucket("acme-data", "rg-data/レポート/2026/")));
        String page = "/connections/" + connection.id;
        customer.get(page).then().statusCode(200)
                .body(containsString("No policy can be shown: this connection grants acme-data/rg-data/レポート/2026/, and IAM accepts only"
                        + " characters up to U+00FF in policy documents. With Edit connection, grant acme-data/rg-data/"))
                .body(not(containsString("sts:AssumeRole")));
        Session.signIn(Accounts.admin()).get(page).then().statusCode(200).body(containsString("this connection grants acme-data/rg-data/レポート/2026/"));
        customer.request().header("Accept-Language", "ja").get(page).then().statusCode(200)
                .body(containsString("IAM のポリシードキュメントで使える文字は U+00FF までのため"));
        for (String file : List.of("trust-policy.json", "permission-policy.json", "cloudformation.yaml", "main.tf", "create-role.sh")) {
            customer.get(page + "/" + file).then().statusCode(503);
        }
    }

    @Test
    void tooManyAndDuplicateBucketsAreRefused() {
        Map<String, String> form = Connections.form();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("bucket-").append(i).append('\n');
        }
        form.put("buckets", many.toString());
        customer.post("/connections/new", "/connections", form).then().statusCode(400)
                .body(containsString("At most 20 buckets per connection; you entered 21."));
        form.put("buckets", "acme-reports\nacme-reports");
        customer.post("/connections/new", "/connections", form).then().statusCode(400)
                .body(containsString("repeats line 1"));
    }

    @Test
    void hostileInputIsRefusedOrEscapedAndNeverBreaksThePage() {
        Map<String, String> form = Connections.form();
        form.put("label", "x".repeat(100_000));
        form.put("buckets", "'; DROP TABLE connections; --\n" + "\u202e\u0000evil");
        long before = connections(acme);
        customer.post("/connections/new", "/connections", form).then().statusCode(400)
                .body(containsString("at most 100 characters"));
        assertEquals(before, connections(acme));

        Map<String, String> html = Connections.form();
        html.put("label", "<script>alert('x')</script> 日本語 ✓");
        String id = create(customer, html);
        customer.get("/connections/" + id).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert"))
                .body(containsString("日本語 ✓"));
    }

    @Test
    void theExternalIdCannotBeChosenOrChangedThroughAnyFormField() {
        Map<String, String> form = Connections.form();
        form.put("externalId", "rg-chosen-by-the-customer");
        form.put("external_id", "rg-chosen-by-the-customer");
        String id = create(customer, form);
        String page = customer.get("/connections/" + id).asString();
        assertTrue(!page.contains("rg-chosen-by-the-customer"));
        Matcher before = EXTERNAL_ID.matcher(page);
        assertTrue(before.find());

        customer.post("/connections/" + id, "/connections/" + id + "/role", Map.of(
                "roleArn", "arn:aws:iam::123456789012:role/rolegate-read", "externalId", "rg-forged"));
        Matcher after = EXTERNAL_ID.matcher(customer.get("/connections/" + id).asString());
        assertTrue(after.find());
        assertEquals(before.group(1), after.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:iam::123456789012:user/deploy|This is the ARN of an IAM user, not of a role",
            "arn:aws:sts::123456789012:assumed-role/rolegate-read/session|This is an assumed-role session ARN",
            "arn:aws:iam::210987654321:role/rolegate-read|This role is in account 210987654321",
            "arn:aws-cn:iam::123456789012:role/rolegate-read|This role is in the aws-cn partition",
            "rolegate-read|This is a role name, not a role ARN. Did you mean arn:aws:iam::123456789012:role/rolegate-read?",
            "https://console.aws.amazon.com/iam/home#/roles/details/rolegate-read|Did you mean arn:aws:iam::123456789012:role/rolegate-read?",
            "my role|A role ARN has 20 to 2048 characters",
            "arn:aws:iam::123456789012:role/my role|The role name in this ARN is not valid",
            "my-role-named:rolegate-read|This is not an ARN",
            "arn:aws:s3:::acme-reports|does not name an IAM role",
    })
    void aWrongRoleArnGetsItsSpecificReasonAndIsNotStored(String roleArn, String message) {
        String id = create(customer, Connections.form());
        customer.post("/connections/" + id, "/connections/" + id + "/role", Map.of("roleArn", roleArn))
                .then().statusCode(400).body(containsString(message));
        Connection stored = QuarkusTransaction.requiringNew().call(() -> Connection.findById(UUID.fromString(id)));
        assertEquals(null, stored.roleArn);
    }

    @Test
    void aBareRoleNameIsAnsweredWithTheFullArnWhichOneClickSaves() {
        String id = create(customer, Connections.form());
        String page = "/connections/" + id;
        String suggestion = "arn:aws:iam::123456789012:role/team/VendorRole";
        String answer = customer.post(page, page + "/role", Map.of("roleArn", "/team/VendorRole\u00A0")).then().statusCode(400)
                .body(containsString("This is a role name, not a role ARN. Did you mean " + suggestion + "?"))
                .body(containsString("value=\"/team/VendorRole\u00A0\""))
                .body(containsString("<code id=\"suggested-role-arn\">" + suggestion + "</code>"))
                .body(containsString("aria-describedby=\"roleArn-hint roleArn-error-0 roleArn-suggestion\""))
                .extract().asString();
        assertEquals(null, storedRoleArn(id));

        Matcher form = Pattern.compile("<form method=\"post\" action=\"(/connections/[^\"]+/role)\" id=\"role-suggestion-form\"[^>]*>\\s*"
                + "<input type=\"hidden\" name=\"csrf-token\" value=\"([^\"]+)\">\\s*"
                + "<input type=\"hidden\" name=\"roleArn\" value=\"([^\"]+)\">").matcher(answer);
        assertTrue(form.find(), "a form that saves the suggestion with one click:\n" + answer);
        assertEquals(suggestion, form.group(3));
        customer.request().formParam("csrf-token", form.group(2)).formParam("roleArn", form.group(3)).post(form.group(1))
                .then().statusCode(303);
        assertEquals(suggestion, storedRoleArn(id));
    }

    @Test
    void theRoleArnFieldIsPrefilledWithTheArnTheTemplatesCreateUntilOneIsKnown() {
        String id = create(customer, Connections.form());
        String page = "/connections/" + id;
        String templateArn = "arn:aws:iam::123456789012:role/rolegate-" + id;
        customer.get(page).then().statusCode(200)
                .body(containsString("name=\"roleArn\" type=\"text\" spellcheck=\"false\" autocomplete=\"off\" required value=\"" + templateArn + "\""))
                .body(containsString("aria-describedby=\"roleArn-hint roleArn-prefilled\""))
                .body(containsString("id=\"roleArn-prefilled\">Filled in with the ARN of the role the options above create."));
        customer.request().header("Accept-Language", "ja").get(page).then()
                .body(containsString("上のいずれかの方法で作成されるロールの ARN を入力済みです。"));
        customer.post(page, page + "/role", Map.of("roleArn", "x")).then().statusCode(400)
                .body(containsString("required value=\"x\""))
                .body(not(containsString("id=\"roleArn-prefilled\"")));

        customer.post(page, page + "/role", Map.of("roleArn", templateArn)).then().statusCode(303);
        customer.get(page).then().body(not(containsString("value=\"" + templateArn + "\"")))
                .body(not(containsString("id=\"roleArn-prefilled\"")));
    }

    /** A role made by hand with a path: once its ARN is saved, every artifact updates that role by its name and path. */
    @Test
    void onceARoleArnIsSavedTheArtifactsAndThePageUpdateThatRole() {
        String id = create(customer, Connections.form());
        String page = "/connections/" + id;
        customer.get(page).then().body(containsString("Create the role in your AWS account"));
        assertTrue(customer.get(page + "/create-role.sh").asString().contains("aws iam create-role --region eu-west-1 --role-name rolegate-" + id));

        customer.post(page, page + "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/team/VendorRole")).then().statusCode(303);
        customer.get(page).then().statusCode(200)
                .body(containsString("Update the role in your AWS account"))
                .body(containsString("Your role VendorRole exists."));
        customer.request().header("Accept-Language", "ja").get(page).then().body(containsString("AWS アカウントのロールを更新する"));
        String cli = customer.get(page + "/create-role.sh").then().statusCode(200).extract().asString();
        assertTrue(!cli.contains("create-role") && cli.contains("aws iam update-assume-role-policy --region eu-west-1 --role-name VendorRole"), cli);
        assertTrue(cli.contains("aws iam put-role-policy --region eu-west-1 --role-name VendorRole"), cli);
        String terraform = customer.get(page + "/main.tf").asString();
        assertTrue(terraform.contains("name                 = \"VendorRole\"\n  path                 = \"/team/\"\n"), terraform);
        String template = customer.get(page + "/cloudformation.yaml").asString();
        assertTrue(template.contains("RoleName: \"VendorRole\"\n      Path: \"/team/\"\n") && template.contains("update-stack"), template);
    }

    /**
     * The artifact tabs and the check history are cached as HTML ({@code {#cached}}): what a page shows must still
     * follow the connection, the viewer's kind, language and time zone, whoever viewed it before.
     */
    @Test
    void theCachedArtifactsAndHistoryFollowTheConnectionAndTheViewer() {
        String id = create(customer, Connections.form());
        String page = "/connections/" + id;
        assertTrue(customer.get(page).asString().contains("aws iam create-role --region eu-west-1"), "the tabs create the role");
        customer.post(page, page + "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/VendorRole")).then().statusCode(303);
        String updating = customer.get(page).asString();
        assertTrue(updating.contains("aws iam update-assume-role-policy --region eu-west-1 --role-name VendorRole")
                && !updating.contains("aws iam create-role --region"), "the tabs follow the role ARN");
        assertTrue(history(updating).contains("No check has run yet"), history(updating));

        Account support = Accounts.support();
        Session staff = Session.signIn(support);
        insertFinishedCheck(id, "2026-11-29 08:00:00+00", "API", null, AuditTrail.API_TOKEN_PREFIX + "nightly-export");
        String apiByCustomer = history(customer.get(page).asString());
        assertTrue(apiByCustomer.contains("the vendor&#39;s service (API)") && !apiByCustomer.contains("nightly-export"),
                apiByCustomer);
        assertTrue(history(staff.get(page).asString()).contains("API token nightly-export"),
                "staff see the token's name, right after a customer saw the same checks");

        insertFinishedCheck(id, "2026-11-30 10:00:05+00", "USER", support.id, support.email);
        String byCustomer = history(customer.get(page).asString());
        assertTrue(byCustomer.contains("2026-11-30 10:00:05 UTC") && byCustomer.contains("a support engineer of your service provider")
                && byCustomer.contains("the vendor&#39;s service (API)") && !byCustomer.contains(support.email)
                && !byCustomer.contains("nightly-export"), byCustomer);
        String byStaff = history(staff.get(page).asString());
        assertTrue(byStaff.contains(support.email) && byStaff.contains("API token nightly-export"),
                "staff see the person and the token, after a customer's view: " + byStaff);
        String again = history(customer.get(page).asString());
        assertTrue(again.contains("a support engineer of your service provider") && !again.contains(support.email)
                && !again.contains("nightly-export"), "and customers still the role and the service: " + again);
        String japanese = history(customer.request().header("Accept-Language", "ja").get(page).asString());
        assertTrue(japanese.contains("サービス提供元のサポート担当者") && japanese.contains("2026-11-30 19:00:05 JST"), japanese);
        String berlin = history(customer.request().cookie(ViewerZone.COOKIE, "Europe/Berlin").get(page).asString());
        assertTrue(berlin.contains("2026-11-30 11:00:05 CET"), berlin);
    }

    private static void insertFinishedCheck(String connectionId, String startedAt, String trigger, UUID triggeredBy,
            String label) {
        QuarkusTransaction.requiringNew().run(() -> Connection.getEntityManager().createNativeQuery("""
                INSERT INTO checks (id, connection_id, started_at, finished_at, outcome, trigger, triggered_by,
                    triggered_by_label, role_arn, session_name)
                VALUES (?1, ?2, CAST(?3 AS timestamptz), CAST(?3 AS timestamptz) + interval '2 seconds', 'PASSED', ?4,
                    ?5, ?6, 'arn:aws:iam::123456789012:role/VendorRole', ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(connectionId))
                .setParameter(3, startedAt).setParameter(4, trigger).setParameter(5, triggeredBy)
                .setParameter(6, label).setParameter(7, "rolegate-" + trigger.toLowerCase()).executeUpdate());
    }

    private static String history(String page) {
        Matcher section = Pattern.compile("<section class=\"check-history\".*?</section>", Pattern.DOTALL).matcher(page);
        assertTrue(section.find(), "the page has a check history");
        return section.group();
    }

    private static String storedRoleArn(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findById(UUID.fromString(id)).roleArn);
    }

    @Test
    void aRightRoleArnIsStoredWithItsTimeAndEarlierOnesAreKept() {
        String id = create(customer, Connections.form());
        customer.post("/connections/" + id, "/connections/" + id + "/role",
                Map.of("roleArn", "arn:aws:iam::123456789012:role/first")).then().statusCode(303);
        customer.post("/connections/" + id, "/connections/" + id + "/role",
                Map.of("roleArn", " arn:aws:iam::123456789012:role/team/rolegate-read ")).then().statusCode(303);
        Connection stored = QuarkusTransaction.requiringNew().call(() -> Connection.findById(UUID.fromString(id)));
        assertEquals("arn:aws:iam::123456789012:role/team/rolegate-read", stored.roleArn);
        assertNotEquals(null, stored.roleSubmittedAt);
        customer.get("/connections/" + id).then()
                .body(containsString("arn:aws:iam::123456789012:role/first"))
                .body(containsString("id=\"current-role-arn\">arn:aws:iam::123456789012:role/team/rolegate-read"));
    }

    @Test
    void postsWithoutCsrfTokenAreRejectedAndStoreNothing() {
        long before = connections(acme);
        customer.postWithoutCsrf("/connections", Connections.form()).then().statusCode(400);
        assertEquals(before, connections(acme));
        String id = create(customer, Connections.form());
        customer.postWithoutCsrf("/connections/" + id + "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/x"))
                .then().statusCode(400);
    }

    @Test
    void setupPageIsInJapaneseWhenAskedFor() {
        String id = create(customer, Connections.form());
        customer.request().header("Accept-Language", "ja").get("/connections/" + id).then().statusCode(200)
                .body(containsString("lang=\"ja\""))
                .body(containsString("外部 ID"));
    }

}

package io.rolegate.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.api.ApiToken;
import io.rolegate.audit.AuditEvent;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.Organisation;
import io.rolegate.support.Accounts;
import io.rolegate.support.Connections;
import io.rolegate.support.Invites;
import io.rolegate.support.Session;

/**
 * Every form a page posts (the sign-in form aside): who fills it in, on which page, a complete valid submission,
 * how each kept value shows in the re-rendered form, and what it stores. Add a case with each new form.
 */
record FormCase(String name, List<String> fields, Supplier<Filled> open) {

    /** A form ready to post: its fields in page order, the text that shows each value kept, and a count of what it stored. */
    record Filled(Session session, String page, String action, Map<String, Object> fields, Map<String, String> shown,
            LongSupplier stored) {
    }

    @Override
    public String toString() {
        return name;
    }

    static Stream<FormCase> all() {
        return Stream.of(
                new FormCase("new connection",
                        List.of("label", "accountId", "partition", "region", "buckets", "kmsKeyArns"), FormCase::connection),
                new FormCase("role ARN", List.of("roleArn"), FormCase::role),
                new FormCase("revocation", List.of("reason", "confirm"), FormCase::revocation),
                new FormCase("organisation", List.of("name", "email"), FormCase::organisation),
                new FormCase("invite", List.of("email", "role", "organisationId"), FormCase::invite),
                new FormCase("accepting an invite", List.of("displayName", "password", "confirmation"), FormCase::accept),
                new FormCase("API token", List.of("name", "scopes"), FormCase::apiToken),
                new FormCase("trust diagnosis", List.of("trustPolicy"), FormCase::trustDiagnosis));
    }

    static FormCase named(String name) {
        return all().filter(form -> form.name().equals(name)).findFirst().orElseThrow();
    }

    /** Each field of each form. */
    static Stream<Arguments> everyField() {
        return all().flatMap(form -> form.fields().stream()
                .map(field -> Arguments.of(form, field)));
    }

    /** True when the page marks the field's control as invalid (a checkbox group marks its fieldset). */
    static boolean marksInvalid(String html, String field) {
        if (field.equals("scopes")) {
            return html.contains("<fieldset class=\"field\" aria-invalid=\"true\"");
        }
        return Pattern.compile("<(input|textarea|select)[^>]*\\bname=\"" + field + "\"[^>]*aria-invalid=\"true\"")
                .matcher(html).find();
    }

    private static Filled connection() {
        Organisation organisation = Accounts.organisation("Forms");
        Map<String, Object> fields = new LinkedHashMap<>(Connections.form());
        fields.put("label", "Kept label");
        return new Filled(Session.signIn(Accounts.customer(organisation)), "/connections/new", "/connections", fields,
                Map.of("label", "value=\"Kept label\"", "accountId", "value=\"123456789012\"",
                        "partition", "<option value=\"aws\" selected>", "region", "value=\"eu-west-1\"",
                        "buckets", ">acme-reports/exports\nacme-raw</textarea>",
                        "kmsKeyArns", ">arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab</textarea>"),
                () -> QuarkusTransaction.requiringNew().call(() -> Connection.count("organisation.id", organisation.id)));
    }

    private static Filled role() {
        Organisation organisation = Accounts.organisation("Forms");
        UUID id = Connections.create(organisation, "role form").id;
        return new Filled(Session.signIn(Accounts.customer(organisation)), "/connections/" + id,
                "/connections/" + id + "/role", Map.of("roleArn", "arn:aws:iam::123456789012:role/rolegate-read"), Map.of(),
                () -> QuarkusTransaction.requiringNew().call(() -> Connection.count(
                        "id = ?1 and roleArn = ?2", id, "arn:aws:iam::123456789012:role/rolegate-read")));
    }

    private static Filled revocation() {
        UUID id = Connections.create(Accounts.organisation("Forms"), "revocation form").id;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", "The contract ended");
        fields.put("confirm", "yes");
        return new Filled(Session.signIn(Accounts.admin()), "/connections/" + id, "/connections/" + id + "/revoke",
                fields, Map.of("reason", ">The contract ended</textarea>"),
                () -> QuarkusTransaction.requiringNew().call(() -> Connection.count(
                        "id = ?1 and status = ?2", id, ConnectionStatus.REVOKED)));
    }

    private static Filled organisation() {
        String name = "Kept Org " + Accounts.unique();
        String email = "kept-" + Accounts.unique() + "@example.com";
        return new Filled(Session.signIn(Accounts.admin()), "/staff/organisations", "/staff/organisations",
                new LinkedHashMap<>(Map.of("name", name, "email", email)),
                Map.of("name", "value=\"" + name + "\"", "email", "value=\"" + email + "\""),
                () -> QuarkusTransaction.requiringNew().call(() -> Organisation.findByName(name).isPresent() ? 1L : 0L));
    }

    private static Filled invite() {
        Organisation organisation = Accounts.organisation("Forms");
        String email = "invited-" + Accounts.unique() + "@example.com";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("role", "customer");
        fields.put("organisationId", organisation.id.toString());
        return new Filled(Session.signIn(Accounts.admin()), "/staff/users", "/staff/invites", fields,
                Map.of("email", "value=\"" + email + "\"", "role", "<option value=\"customer\" selected>",
                        "organisationId", "<option value=\"" + organisation.id + "\" selected>"),
                () -> Invites.inviteCount(email));
    }

    private static Filled accept() {
        String email = "accepting-" + Accounts.unique() + "@example.com";
        String token = Invites.create(email, Role.SUPPORT, null, Duration.ofDays(1));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", "Kept Name");
        fields.put("password", "a long enough passphrase");
        fields.put("confirmation", "a long enough passphrase");
        return new Filled(Session.anonymous(), "/invite/" + token, "/invite/" + token, fields,
                Map.of("displayName", "value=\"Kept Name\""),
                () -> QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).isPresent() ? 1L : 0L));
    }

    private static Filled apiToken() {
        String name = "kept-token-" + Accounts.unique();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("scopes", List.of("read"));
        return new Filled(Session.signIn(Accounts.admin()), "/staff/api-tokens", "/staff/api-tokens", fields,
                Map.of("name", "value=\"" + name + "\"", "scopes", "value=\"read\" checked"),
                () -> QuarkusTransaction.requiringNew().call(() -> ApiToken.count("name", name)));
    }

    /** PRODUCT §5b: a diagnosis stores nothing but its audit event. */
    private static Filled trustDiagnosis() {
        Organisation organisation = Accounts.organisation("Forms");
        UUID id = Connections.create(organisation, "trust diagnosis form").id;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"sts:AssumeRole\"}}";
        return new Filled(Session.signIn(Accounts.customer(organisation)), "/connections/" + id,
                "/connections/" + id + "/trust-diagnosis", Map.of("trustPolicy", policy), Map.of(),
                () -> QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("connectionId = ?1 and action = ?2", id,
                        "connection.trust-diagnosed")));
    }
}

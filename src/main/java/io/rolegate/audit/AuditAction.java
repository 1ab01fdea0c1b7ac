package io.rolegate.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What an audit event records, stored as its {@link #id()} (e.g. {@code connection.rotation-started}), which the
 * audit filter also takes. Pages name it through the bundle key {@link #messageKey()}; the event's parameters, listed
 * per action, are rendered by {@code templates/tags/auditDetail.html} in the reader's language.
 */
public enum AuditAction {
    /** Parameter: the trigger ({@code USER}, {@code SCHEDULE}, {@code API}, {@code STACK}). */
    CHECK_STARTED("check.started"),
    /** Parameter: the outcome ({@code PASSED}, ...). */
    CHECK_FINISHED("check.finished"),
    /** Parameters: the status before and after ({@code PENDING}, {@code ACTIVE}, ...). */
    CONNECTION_STATUS_CHANGED("connection.status-changed"),
    /** Parameter: the declared AWS account ID. */
    CONNECTION_CREATED("connection.created"),
    /** Parameter: the role ARN. */
    CONNECTION_ROLE_SUBMITTED("connection.role-submitted"),
    /** Parameter: the role ARN a CloudFormation stack's registration resource sent (docs/onboarding.md). */
    CONNECTION_ROLE_REGISTERED("connection.role-registered"),
    /** Parameter: the role ARN of the stack that was deleted. */
    CONNECTION_STACK_DELETED("connection.stack-deleted"),
    /** Parameter: the reason answered to CloudFormation (English, as the customer reads it in the console). */
    REGISTRATION_REJECTED("registration.rejected"),
    /** Parameters: for each changed field, its name ({@code label}, {@code buckets}, {@code kms}), before, after. */
    CONNECTION_EDITED("connection.edited"),
    /** Parameters: the status before, the reason given. */
    CONNECTION_REVOKED("connection.revoked"),
    CONNECTION_ROTATION_STARTED("connection.rotation-started"),
    CONNECTION_ROTATION_CANCELLED("connection.rotation-cancelled"),
    /** Parameters: the codes of the findings (docs/trust-diagnosis.md); never the pasted document. */
    CONNECTION_TRUST_DIAGNOSED("connection.trust-diagnosed"),
    /** Parameters: why ({@code ROTATION}, {@code CANCELLED}, or {@code CHECK} and the check's ID). */
    EXTERNAL_ID_RETIRED("external-id.retired"),
    /** Parameter: the role invited ({@code customer}, {@code support}, {@code admin}). */
    INVITE_CREATED("invite.created"),
    /** Parameter: the role of the new account. */
    INVITE_ACCEPTED("invite.accepted"),
    /** Parameter: the role invited; the invite got a new link and its old one stopped working. */
    INVITE_RESENT("invite.resent"),
    /** Parameter: the role invited; the link stopped working. */
    INVITE_CANCELLED("invite.cancelled"),
    USER_BOOTSTRAP_ADMIN("user.bootstrap-admin"),
    USER_DEACTIVATED("user.deactivated"),
    ORGANISATION_CREATED("organisation.created"),
    /** Parameter: the token's scopes. */
    API_TOKEN_CREATED("api-token.created"),
    /** Parameter: the token's scopes. */
    API_TOKEN_REVOKED("api-token.revoked"),
    /** Parameters: the session name, the expiry (ISO-8601 instant). */
    CREDENTIALS_ISSUED("credentials.issued");

    /** Why an external ID was retired: the {@link #EXTERNAL_ID_RETIRED} event's first parameter. */
    public enum Retirement {
        ROTATION, CANCELLED, CHECK
    }

    private static final Set<String> TRIGGERS = Set.of("USER", "SCHEDULE", "API", "STACK");
    private static final Set<String> OUTCOMES = Set.of("RUNNING", "PASSED", "FAILED", "INSECURE", "INCONCLUSIVE");
    private static final Set<String> STATUSES = Set.of("PENDING", "ACTIVE", "FAILING", "REVOKED");
    private static final Set<String> ROLES = Set.of("customer", "support", "admin");
    private static final Set<String> FIELDS = Set.of("label", "buckets", "kms");

    private final String id;

    AuditAction(String id) {
        this.id = id;
    }

    /**
     * Whether {@code args} are parameters of this action as pages put them into words: the values named by a bundle
     * key (statuses, outcomes, triggers, roles, reasons, fields) among those that exist, in the number expected.
     * Anything else is shown as the event stored it.
     */
    public boolean readable(String[] args) {
        return switch (this) {
            case CHECK_STARTED -> args.length == 1 && TRIGGERS.contains(args[0]);
            case CHECK_FINISHED -> args.length == 1 && OUTCOMES.contains(args[0]);
            case CONNECTION_STATUS_CHANGED -> args.length == 2 && STATUSES.contains(args[0]) && STATUSES.contains(args[1]);
            case CONNECTION_REVOKED -> args.length == 2 && STATUSES.contains(args[0]);
            case INVITE_CREATED, INVITE_ACCEPTED, INVITE_RESENT, INVITE_CANCELLED -> args.length == 1 && ROLES.contains(args[0]);
            case EXTERNAL_ID_RETIRED -> args.length >= 1
                    && Arrays.stream(Retirement.values()).anyMatch(reason -> reason.name().equals(args[0]));
            case CONNECTION_EDITED -> args.length % 3 == 0
                    && IntStream.range(0, args.length / 3).allMatch(i -> FIELDS.contains(args[3 * i]));
            case CONNECTION_CREATED, CONNECTION_ROLE_SUBMITTED, CONNECTION_ROLE_REGISTERED, CONNECTION_STACK_DELETED,
                    REGISTRATION_REJECTED, API_TOKEN_CREATED, API_TOKEN_REVOKED -> args.length == 1;
            case CREDENTIALS_ISSUED -> args.length == 2 && isInstant(args[1]);
            case CONNECTION_TRUST_DIAGNOSED -> Arrays.stream(args).allMatch(code -> code.startsWith("RG-"));
            case CONNECTION_ROTATION_STARTED, CONNECTION_ROTATION_CANCELLED, USER_BOOTSTRAP_ADMIN, USER_DEACTIVATED,
                    ORGANISATION_CREATED -> true;
        };
    }

    /** The stored identifier, e.g. {@code check.finished}. */
    public String id() {
        return id;
    }

    /** The bundle key of the action's name, e.g. {@code action_CHECK_FINISHED}. */
    public String messageKey() {
        return "action_" + name();
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static Optional<AuditAction> fromId(String id) {
        return Arrays.stream(values()).filter(action -> action.id.equals(id)).findFirst();
    }
}

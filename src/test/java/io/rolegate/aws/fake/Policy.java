package io.rolegate.aws.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyReader;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * An IAM policy document evaluated the way IAM does: an explicit Deny wins, otherwise any matching Allow,
 * otherwise the implicit deny. Documents are checked on registration like IAM's CreateRole would,
 * because the policy builder itself accepts anything (e.g. {@code "Effect":"Allowed"}).
 */
final class Policy {

    /** A role's trust policy, an identity policy, or a resource's own policy (a bucket or KMS key policy). */
    enum Kind { TRUST, PERMISSIONS, RESOURCE }

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /** Who asks, for what, on which resource, with which condition keys (absent keys are simply missing). */
    record Request(Identity caller, String action, String resource, Map<String, String> context) {
    }

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals",
            "ArnNotLike", "Bool", "Null");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final Kind kind;
    private final IamPolicy document;

    private Policy(Kind kind, IamPolicy document) {
        this.kind = kind;
        this.document = document;
    }

    /** Parses and validates; a document IAM would refuse throws {@link IllegalArgumentException}. */
    static Policy parse(Kind kind, String json) {
        IamPolicy document;
        try {
            document = IamPolicyReader.create().read(json);
        } catch (RuntimeException e) {
            throw malformed(kind, "not valid policy JSON: " + e.getMessage());
        }
        if (document.version() != null && !VERSIONS.contains(document.version())) {
            throw malformed(kind, "unknown Version " + document.version());
        }
        if (document.statements().isEmpty()) {
            throw malformed(kind, "no Statement");
        }
        for (IamStatement statement : document.statements()) {
            validate(kind, statement);
        }
        return new Policy(kind, document);
    }

    private static void validate(Kind kind, IamStatement statement) {
        String effect = statement.effect() == null ? null : statement.effect().value();
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw malformed(kind, "Effect must be Allow or Deny, was " + effect);
        }
        if (statement.actions().isEmpty() == statement.notActions().isEmpty()) {
            throw malformed(kind, "exactly one of Action or NotAction is required");
        }
        boolean hasPrincipal = !statement.principals().isEmpty() || !statement.notPrincipals().isEmpty();
        boolean hasResource = !statement.resources().isEmpty() || !statement.notResources().isEmpty();
        if (kind == Kind.TRUST && (!hasPrincipal || hasResource)) {
            throw malformed(kind, "a trust policy statement needs a Principal and no Resource");
        }
        if (kind == Kind.PERMISSIONS && (hasPrincipal || !hasResource)) {
            throw malformed(kind, "an identity policy statement needs a Resource and no Principal");
        }
        if (kind == Kind.RESOURCE && (!hasPrincipal || !hasResource)) {
            throw malformed(kind, "a resource policy statement needs a Principal and a Resource");
        }
        for (IamCondition condition : statement.conditions()) {
            if (!OPERATORS.contains(baseOperator(condition.operator().value()))) {
                throw new IllegalArgumentException("FakeAws does not evaluate condition operator "
                        + condition.operator().value());
            }
        }
    }

    private static IllegalArgumentException malformed(Kind kind, String why) {
        return new IllegalArgumentException("MalformedPolicyDocument (" + kind + "): " + why);
    }

    Decision evaluate(Request request) {
        return evaluate(request, true);
    }

    /**
     * Like {@link #evaluate(Request)}, but an Allow for an account ({@code 111122223333} or its {@code :root}) counts
     * only when {@code accountAllows}: a KMS key policy that names the account delegates to the account's IAM
     * policies instead of allowing the caller itself.
     */
    Decision evaluate(Request request, boolean accountAllows) {
        boolean allowed = false;
        for (IamStatement statement : document.statements()) {
            if (applies(statement, request)) {
                if (!accountAllows && "Allow".equals(statement.effect().value())
                        && statement.principals().stream().allMatch(Policy::isAccount)) {
                    continue;
                }
                if ("Deny".equals(statement.effect().value())) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private boolean applies(IamStatement statement, Request request) {
        if (kind != Kind.PERMISSIONS) {
            String partition = partitionOf(request.resource());
            if (!statement.principals().isEmpty() && !anyPrincipal(statement.principals(), request.caller(), partition)) {
                return false;
            }
            if (anyPrincipal(statement.notPrincipals(), request.caller(), partition)) {
                return false;
            }
        }
        if (kind != Kind.TRUST && !matchesResource(statement, request.resource())) {
            return false;
        }
        return matchesAction(statement, request.action()) && conditionsHold(statement.conditions(), request.context());
    }

    private static boolean matchesAction(IamStatement statement, String action) {
        if (!statement.actions().isEmpty()) {
            return statement.actions().stream().anyMatch(a -> Wildcard.matches(a.value(), action, true));
        }
        return statement.notActions().stream().noneMatch(a -> Wildcard.matches(a.value(), action, true));
    }

    private static boolean matchesResource(IamStatement statement, String resource) {
        if (!statement.resources().isEmpty()) {
            return statement.resources().stream().anyMatch(r -> Wildcard.matches(r.value(), resource, false));
        }
        return statement.notResources().stream().noneMatch(r -> Wildcard.matches(r.value(), resource, false));
    }

    private static boolean isAccount(IamPrincipal principal) {
        return "AWS".equals(principal.type().value())
                && (ACCOUNT_ID.matcher(principal.id()).matches() || principal.id().endsWith(":root"));
    }

    private static boolean anyPrincipal(List<IamPrincipal> principals, Identity caller, String partition) {
        return principals.stream().anyMatch(p -> matchesPrincipal(p, caller, partition));
    }

    /** The partition of the resource whose policy this is; {@code aws} when the resource is not an ARN. */
    private static String partitionOf(String resource) {
        return resource != null && resource.startsWith("arn:") ? Arns.partition(resource) : "aws";
    }

    /**
     * Only AWS principals can be the caller here. An account (bare id or {@code :root}) stands for every
     * principal of that account; a role ARN also matches sessions of that role (role chaining). IAM reads a bare
     * account id as the root of that account in the policy's own partition, so it never matches a caller of another.
     */
    private static boolean matchesPrincipal(IamPrincipal principal, Identity caller, String partition) {
        String type = principal.type().value();
        String id = principal.id();
        if ("*".equals(type)) {
            return true;
        }
        if (!"AWS".equals(type)) {
            return false;
        }
        if ("*".equals(id)) {
            return true;
        }
        if (ACCOUNT_ID.matcher(id).matches()) {
            return id.equals(caller.account()) && partition.equals(caller.partition());
        }
        if (id.endsWith(":root")) {
            return id.equals(Arns.accountRoot(caller.principalArn()));
        }
        return id.equals(caller.principalArn());
    }

    /** Operators are ANDed, keys under one operator are ANDed, values for one key are ORed (NOR when negated). */
    private static boolean conditionsHold(List<IamCondition> conditions, Map<String, String> context) {
        Map<String, List<String>> valuesByOperatorAndKey = new LinkedHashMap<>();
        for (IamCondition condition : conditions) {
            valuesByOperatorAndKey
                    .computeIfAbsent(condition.operator().value() + "\n" + condition.key().value(), k -> new ArrayList<>())
                    .add(condition.value());
        }
        for (Map.Entry<String, List<String>> entry : valuesByOperatorAndKey.entrySet()) {
            String[] operatorAndKey = entry.getKey().split("\n", 2);
            String actual = contextValue(context, operatorAndKey[1]);
            if (!holds(operatorAndKey[0], actual, entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Condition key names are case-insensitive in IAM. */
    private static String contextValue(Map<String, String> context, String key) {
        return context.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static boolean holds(String operator, String actual, List<String> expected) {
        String base = baseOperator(operator);
        if (base.equals("Null")) {
            return expected.stream().anyMatch(v -> Boolean.parseBoolean(v) == (actual == null));
        }
        if (actual == null) {
            // IAM: an absent key never matches, so a negated operator holds; IfExists treats absence as a match.
            return operator.endsWith("IfExists") || base.contains("Not");
        }
        boolean negated = base.contains("Not");
        String positive = base.replace("Not", "");
        boolean anyMatch = expected.stream().anyMatch(v -> matches(positive, v, actual));
        return negated != anyMatch;
    }

    private static boolean matches(String operator, String expected, String actual) {
        return switch (operator) {
            case "StringEquals" -> expected.equals(actual);
            case "StringEqualsIgnoreCase" -> expected.equalsIgnoreCase(actual);
            case "StringLike" -> Wildcard.matches(expected, actual, false);
            case "ArnEquals", "ArnLike" -> Arns.like(expected, actual);
            case "Bool" -> expected.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
            default -> throw new IllegalStateException("unvalidated operator " + operator);
        };
    }

    private static String baseOperator(String operator) {
        return operator.endsWith("IfExists") ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    }
}

package io.rolegate.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import io.rolegate.diagnosis.TrustFinding.Severity;

/**
 * Reads a role's trust policy the way IAM evaluates Rolegate's AssumeRole against it, and says what stops the call
 * or makes the role assumable without this connection's external ID (PRODUCT §5b, docs/trust-diagnosis.md).
 * IAM's rules it follows: action names and condition key names are compared without regard to case, action
 * patterns may hold {@code *} and {@code ?}; a principal may name an account by its root ARN or its bare 12-digit
 * ID; a condition on a key the request does not carry fails unless its operator ends in {@code IfExists}, is a
 * negation, {@code Null} or {@code ForAllValues}; any Deny that applies wins over every Allow.
 */
public final class TrustPolicyDiagnosis {

    static final String ASSUME_ROLE = "sts:AssumeRole";
    static final String EXTERNAL_ID = "sts:ExternalId";

    private static final Pattern IAM_ARN = Pattern.compile("arn:([^:]*):iam::([0-9]{12}):(.+)", Pattern.DOTALL);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

    /**
     * Condition keys that are never in a request of Rolegate's, or never hold the value such a condition asks for:
     * Rolegate calls STS from the vendor's servers over the internet, with the long-term or instance credentials of
     * the vendor's own account, without MFA, session tags, a source identity or an AWS service in between.
     */
    private static final Set<String> UNMET_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourcevpcarn", "aws:vpcsourceip", "aws:multifactorauthpresent", "aws:multifactorauthage",
            "aws:principalorgid", "aws:principalorgpaths", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
            "aws:sourceorgpaths", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:tagkeys",
            "aws:federatedprovider", "sts:sourceidentity", "sts:transitivetagkeys", "sts:awsservicename");
    private static final List<String> UNMET_PREFIXES = List.of("aws:principaltag/", "aws:requesttag/", "saml:",
            "accounts.google.com:", "graph.facebook.com:", "www.amazon.com:", "cognito-identity.amazonaws.com:");

    private TrustPolicyDiagnosis() {
    }

    /** How a principal of the document relates to Rolegate's. */
    enum PrincipalMatch { VENDOR, WILDCARD, PARTITION, SPECIFIC, NEAR_MISS, ACCOUNT, OTHER }

    /** The findings for {@code policy}; never empty: a right document says so ({@link TrustFinding#DOCUMENT_RIGHT}). */
    public static Diagnosis diagnose(IamPolicy policy, TrustExpectation expected) {
        List<IamStatement> statements = policy.statements();
        if (statements.stream().allMatch(statement -> isEmpty(statement.principals())
                && isEmpty(statement.notPrincipals()))) {
            return new Diagnosis(List.of(Finding.of(TrustFinding.PERMISSION_POLICY, FindingFacts.of("", "", ""))),
                    false, false, false);
        }
        List<StatementReading> allows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            IamStatement statement = statements.get(i);
            String label = statement.sid() == null || statement.sid().isBlank() ? "#" + (i + 1) : statement.sid();
            String effect = statement.effect() == null ? "" : statement.effect().value();
            if (effect.equals("Allow")) {
                allows.add(read(statement, label, expected));
            } else if (effect.equals("Deny")) {
                deny(statement, label, expected).ifPresent(findings::add);
            }
        }
        List<StatementReading> trusting = allows.stream().filter(StatementReading::trustsRolegate).toList();
        StatementReading best;
        if (!trusting.isEmpty()) {
            best = fewestBlocking(trusting);
            findings.addAll(best.findings);
            // Any other statement that lets Rolegate's principal in without this connection's ID makes the role insecure.
            trusting.stream().filter(reading -> reading != best && reading.allowsAssumeRole)
                    .flatMap(reading -> reading.findings.stream())
                    .filter(finding -> finding.severity() == Severity.INSECURE).forEach(findings::add);
        } else {
            List<StatementReading> near = allows.stream().filter(StatementReading::namesSomethingClose).toList();
            best = near.isEmpty() ? null : fewestBlocking(near);
            if (best == null) {
                String named = allows.stream().flatMap(reading -> list(reading.statement.principals()).stream())
                        .map(TrustPolicyDiagnosis::display)
                        .distinct().collect(Collectors.joining(", "));
                String statement = allows.isEmpty() ? "" : allows.get(0).label;
                findings.add(Finding.of(TrustFinding.PRINCIPAL_MISSING,
                        FindingFacts.of(statement, named, expected.principalArn())));
            } else {
                findings.addAll(best.findings);
            }
        }
        boolean principalRight = best != null && best.trustsRolegate() && !best.wildcard;
        boolean actionRight = best != null && best.allowsAssumeRole;
        boolean externalIdRight = best != null && best.currentIdAccepted;
        if (findings.stream().noneMatch(finding -> finding.severity().compareTo(Severity.WARNING) <= 0)) {
            findings.add(Finding.of(TrustFinding.DOCUMENT_RIGHT, FindingFacts.of("", "", expected.principalArn())));
        }
        List<Finding> ordered = new ArrayList<>(distinct(findings));
        ordered.sort(Comparator.comparing(Finding::severity));
        return new Diagnosis(ordered, principalRight, actionRight, externalIdRight);
    }

    /** What one Allow statement does for Rolegate's request, and what is wrong with it. */
    private static final class StatementReading {
        final IamStatement statement;
        final String label;
        final List<Finding> findings = new ArrayList<>();
        final Set<PrincipalMatch> matches = new LinkedHashSet<>();
        boolean allowsAssumeRole;
        boolean currentIdAccepted;
        boolean wildcard;

        StatementReading(IamStatement statement, String label) {
            this.statement = statement;
            this.label = label;
        }

        boolean trustsRolegate() {
            return matches.contains(PrincipalMatch.VENDOR) || matches.contains(PrincipalMatch.WILDCARD);
        }

        boolean namesSomethingClose() {
            return matches.stream().anyMatch(match -> match != PrincipalMatch.OTHER);
        }

        long blocking() {
            return findings.stream().filter(finding -> finding.severity() == Severity.BLOCKS).count();
        }
    }

    private static StatementReading fewestBlocking(List<StatementReading> readings) {
        return readings.stream().min(Comparator.comparingLong(StatementReading::blocking)).orElseThrow();
    }

    private static StatementReading read(IamStatement statement, String label, TrustExpectation expected) {
        StatementReading reading = new StatementReading(statement, label);
        List<Finding> principalFindings = new ArrayList<>();
        for (IamPrincipal principal : list(statement.principals())) {
            PrincipalMatch match = classify(principal, expected);
            reading.matches.add(match);
            String found = principal.id();
            switch (match) {
                case WILDCARD -> {
                    reading.wildcard = true;
                    principalFindings.add(Finding.of(TrustFinding.PRINCIPAL_WILDCARD,
                            FindingFacts.of(label, display(principal), expected.principalArn())));
                }
                case PARTITION -> principalFindings.add(Finding.of(TrustFinding.PRINCIPAL_PARTITION,
                        FindingFacts.of(label, found, expected.principalArn())));
                case SPECIFIC -> principalFindings.add(Finding.of(TrustFinding.PRINCIPAL_SPECIFIC,
                        FindingFacts.of(label, found, expected.principalArn())));
                case ACCOUNT -> principalFindings.add(Finding.of(TrustFinding.PRINCIPAL_ACCOUNT,
                        FindingFacts.of(label, found, expected.principalArn())));
                case NEAR_MISS -> {
                    String meant = closest(found, expected);
                    principalFindings.add(new Finding(TrustFinding.PRINCIPAL_NEAR_MISS, Severity.BLOCKS,
                            FindingFacts.of(label, found, meant), CharacterDiff.nearMiss(found, meant).orElse(null)));
                }
                default -> {
                    // Rolegate's own principal, or a service or federated principal: nothing to say about it here.
                }
            }
        }
        if (reading.trustsRolegate()) {
            // Other principals next to Rolegate's do not stop it; only the wildcard matters then.
            principalFindings.removeIf(finding -> finding.code() != TrustFinding.PRINCIPAL_WILDCARD);
        }
        reading.findings.addAll(principalFindings);
        reading.allowsAssumeRole = coversAssumeRole(statement);
        if (!reading.allowsAssumeRole) {
            reading.findings.add(action(statement, label));
        }
        externalId(reading, expected);
        unmetConditions(reading);
        return reading;
    }

    static PrincipalMatch classify(IamPrincipal principal, TrustExpectation expected) {
        String type = principal.type().value();
        String id = principal.id();
        if (type.equals("*") || (type.equals("AWS") && id.equals("*"))) {
            return PrincipalMatch.WILDCARD;
        }
        if (!type.equals("AWS")) {
            return PrincipalMatch.OTHER;
        }
        if (id.equals(expected.principalArn())) {
            return PrincipalMatch.VENDOR;
        }
        String partition;
        String account;
        String resource;
        Matcher arn = IAM_ARN.matcher(id);
        if (ACCOUNT_ID.matcher(id).matches()) {
            partition = expected.partition();
            account = id;
            resource = "root";
        } else if (arn.matches()) {
            partition = arn.group(1);
            account = arn.group(2);
            resource = arn.group(3);
        } else {
            int limit = Math.max(3, expected.principalArn().length() / 8);
            return CharacterDiff.distance(id, expected.principalArn(), limit) <= limit
                    || CharacterDiff.distance(id, expected.rootArn(), limit) <= limit || id.contains(expected.vendorAccount())
                    ? PrincipalMatch.NEAR_MISS : PrincipalMatch.OTHER;
        }
        boolean samePartition = partition.equals(expected.partition());
        if (account.equals(expected.vendorAccount())) {
            if (!samePartition) {
                return PARTITIONS.contains(partition) ? PrincipalMatch.PARTITION : PrincipalMatch.NEAR_MISS;
            }
            if (resource.equals("root")) {
                return PrincipalMatch.VENDOR;
            }
            if (!expected.rootPrincipal() && CharacterDiff.nearMiss(id, expected.principalArn()).isPresent()) {
                return PrincipalMatch.NEAR_MISS;
            }
            return resource.equalsIgnoreCase("root") ? PrincipalMatch.NEAR_MISS : PrincipalMatch.SPECIFIC;
        }
        return samePartition && CharacterDiff.distance(account, expected.vendorAccount(), 2) <= 2
                ? PrincipalMatch.NEAR_MISS : PrincipalMatch.ACCOUNT;
    }

    /** The ARN a near-miss principal probably meant: Rolegate's principal, or the vendor account's root. */
    private static String closest(String found, TrustExpectation expected) {
        int limit = CharacterDiff.LONGEST;
        return CharacterDiff.distance(found, expected.rootArn(), limit)
                < CharacterDiff.distance(found, expected.principalArn(), limit) ? expected.rootArn()
                : expected.principalArn();
    }

    private static boolean coversAssumeRole(IamStatement statement) {
        if (!isEmpty(statement.actions())) {
            return statement.actions().stream().anyMatch(action -> matches(action.value(), ASSUME_ROLE));
        }
        return !isEmpty(statement.notActions())
                && statement.notActions().stream().noneMatch(action -> matches(action.value(), ASSUME_ROLE));
    }

    private static Finding action(IamStatement statement, String label) {
        List<String> actions = list(statement.actions()).stream().map(IamAction::value).toList();
        Optional<String> close = actions.stream().filter(action -> {
            String lower = action.toLowerCase(Locale.ROOT);
            return lower.contains("assumerole") || CharacterDiff.distance(lower, "sts:assumerole", 3) <= 3;
        }).findFirst();
        if (close.isPresent()) {
            return Finding.of(TrustFinding.ACTION_WRONG, FindingFacts.of(label, close.get(), ASSUME_ROLE));
        }
        return Finding.of(TrustFinding.ACTION_MISSING, FindingFacts.of(label, String.join(", ", actions), ASSUME_ROLE));
    }

    private static void externalId(StatementReading reading, TrustExpectation expected) {
        List<IamCondition> conditions = list(reading.statement.conditions());
        List<IamCondition> onExternalId = conditions.stream()
                .filter(condition -> condition.key().value().equalsIgnoreCase(EXTERNAL_ID)).toList();
        Set<String> nearKeys = conditions.stream().map(condition -> condition.key().value())
                .filter(key -> !key.equalsIgnoreCase(EXTERNAL_ID) && squeezed(key).contains("externalid"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String key : nearKeys) {
            reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_KEY,
                    new FindingFacts(reading.label, key, EXTERNAL_ID, key, "")));
        }
        if (onExternalId.isEmpty()) {
            if (nearKeys.isEmpty()) {
                reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_MISSING,
                        FindingFacts.of(reading.label, "", expected.currentExternalId())));
            }
            return;
        }
        onExternalId.stream().map(condition -> condition.key().value()).filter(key -> !key.equals(EXTERNAL_ID))
                .distinct().forEach(key -> reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_KEY_CASE,
                        new FindingFacts(reading.label, key, EXTERNAL_ID, key, ""))));
        Map<String, List<String>> byOperator = new LinkedHashMap<>();
        onExternalId.forEach(condition -> byOperator.computeIfAbsent(condition.operator().value(), key -> new ArrayList<>())
                .add(condition.value()));
        byOperator.forEach((operator, values) -> operator(reading, expected, operator, values));
    }

    private static void operator(StatementReading reading, TrustExpectation expected, String operator, List<String> values) {
        String base = baseOperator(operator);
        FindingFacts facts = new FindingFacts(reading.label, operator, "StringEquals", EXTERNAL_ID, operator);
        boolean acceptsMissing = operator.endsWith("IfExists") || operator.startsWith("ForAllValues:") || base.equals("Null");
        if (acceptsMissing) {
            reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_OPERATOR, facts).withSeverity(Severity.INSECURE));
        }
        if (base.startsWith("StringNot")) {
            boolean excludesCurrent = values.stream().anyMatch(value -> value.equalsIgnoreCase(expected.currentExternalId())
                    || base.equals("StringNotLike") && wildcardMatches(value, expected.currentExternalId()));
            reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_OPERATOR, facts)
                    .withSeverity(excludesCurrent ? Severity.BLOCKS : Severity.INSECURE));
            reading.currentIdAccepted |= !excludesCurrent;
            return;
        }
        boolean ignoreCase = base.equals("StringEqualsIgnoreCase");
        if (base.equals("StringLike")) {
            List<String> exact = new ArrayList<>();
            for (String value : values) {
                if (value.contains("*") || value.contains("?")) {
                    boolean matchesCurrent = wildcardMatches(value, expected.currentExternalId());
                    reading.currentIdAccepted |= matchesCurrent;
                    reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_WILDCARD, new FindingFacts(reading.label,
                            value, expected.currentExternalId(), EXTERNAL_ID, operator)));
                } else {
                    exact.add(value);
                }
            }
            values(reading, expected, exact, false);
        } else if (base.equals("StringEquals") || ignoreCase) {
            if (ignoreCase) {
                reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_OPERATOR, facts).withSeverity(Severity.NOTE));
            }
            values(reading, expected, values, ignoreCase);
        } else if (!acceptsMissing) {
            reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_OPERATOR, facts));
        }
    }

    /** The external IDs an exact comparison accepts, against the connection's current, previous and retired ones. */
    private static void values(StatementReading reading, TrustExpectation expected, List<String> values, boolean ignoreCase) {
        if (values.isEmpty()) {
            return;
        }
        String current = expected.currentExternalId();
        boolean currentAccepted = values.stream().anyMatch(value -> same(value, current, ignoreCase));
        boolean previousAccepted = expected.previousExternalId()
                .map(previous -> values.stream().anyMatch(value -> same(value, previous, ignoreCase))).orElse(false);
        reading.currentIdAccepted |= currentAccepted;
        if (!currentAccepted && previousAccepted) {
            reading.findings.add(Finding.of(TrustFinding.EXTERNAL_ID_PREVIOUS,
                    FindingFacts.of(reading.label, expected.previousExternalId().orElseThrow(), current)));
        }
        // With the current ID accepted, the others only need removing; otherwise each is why AWS says no.
        boolean working = currentAccepted || previousAccepted;
        for (String value : values) {
            if (same(value, current, ignoreCase)
                    || expected.previousExternalId().map(previous -> same(value, previous, ignoreCase)).orElse(false)) {
                continue;
            }
            FindingFacts facts = FindingFacts.of(reading.label, value, current);
            Optional<CharacterDiff> diff = CharacterDiff.nearMiss(value, current);
            Finding finding;
            if (expected.retiredExternalIds().contains(value)) {
                finding = Finding.of(TrustFinding.EXTERNAL_ID_RETIRED, facts);
            } else if (diff.isPresent()) {
                finding = new Finding(TrustFinding.EXTERNAL_ID_NEAR_MISS, Severity.BLOCKS, facts, diff.get());
            } else {
                finding = Finding.of(TrustFinding.EXTERNAL_ID_WRONG, facts);
            }
            reading.findings.add(working
                    ? finding.withSeverity(finding.code() == TrustFinding.EXTERNAL_ID_WRONG ? Severity.WARNING : Severity.NOTE)
                    : finding);
        }
    }

    private static void unmetConditions(StatementReading reading) {
        for (IamCondition condition : list(reading.statement.conditions())) {
            String key = condition.key().value();
            String operator = condition.operator().value();
            String base = baseOperator(operator);
            boolean negated = base.contains("Not") || base.equals("Null");
            if (negated || operator.endsWith("IfExists") || operator.startsWith("ForAllValues:") || !unmet(key)) {
                continue;
            }
            reading.findings.add(Finding.of(TrustFinding.CONDITION_UNSATISFIABLE,
                    new FindingFacts(reading.label, operator + " " + key, "", key, operator)));
        }
    }

    static boolean unmet(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return UNMET_KEYS.contains(lower) || UNMET_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** A Deny statement that applies to Rolegate's AssumeRole with this connection's current external ID. */
    private static Optional<Finding> deny(IamStatement statement, String label, TrustExpectation expected) {
        boolean namesRolegate = list(statement.principals()).stream().map(principal -> classify(principal, expected))
                .anyMatch(match -> match == PrincipalMatch.VENDOR || match == PrincipalMatch.WILDCARD)
                || !isEmpty(statement.notPrincipals()) && statement.notPrincipals().stream()
                        .map(principal -> classify(principal, expected)).noneMatch(match -> match == PrincipalMatch.VENDOR);
        if (!namesRolegate || !coversAssumeRole(statement)) {
            return Optional.empty();
        }
        List<IamCondition> conditions = list(statement.conditions());
        if (!conditions.isEmpty() && conditions.stream().allMatch(condition -> guardsExternalId(condition, expected))) {
            return Optional.empty();
        }
        String when = conditions.stream().map(condition -> condition.operator().value() + " " + condition.key().value()
                + " " + condition.value()).collect(Collectors.joining("; "));
        return Optional.of(Finding.of(TrustFinding.DENY_STATEMENT, FindingFacts.of(label, when, "")));
    }

    /**
     * A Deny condition that holds only for requests without this connection's external ID: it keeps others out and
     * never stops Rolegate ({@code StringNotEquals sts:ExternalId ID}, {@code Null sts:ExternalId true}).
     */
    private static boolean guardsExternalId(IamCondition condition, TrustExpectation expected) {
        if (!condition.key().value().equalsIgnoreCase(EXTERNAL_ID)) {
            return false;
        }
        String base = baseOperator(condition.operator().value());
        return switch (base) {
            case "Null" -> condition.value().equalsIgnoreCase("true");
            case "StringNotEquals" -> condition.value().equals(expected.currentExternalId());
            case "StringNotEqualsIgnoreCase" -> condition.value().equalsIgnoreCase(expected.currentExternalId());
            case "StringNotLike" -> wildcardMatches(condition.value(), expected.currentExternalId());
            default -> false;
        };
    }

    /** The operator without {@code ForAnyValue:}/{@code ForAllValues:} and {@code IfExists}. */
    static String baseOperator(String operator) {
        String base = operator.replaceFirst("^(ForAnyValue|ForAllValues):", "");
        return base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
    }

    /** IAM's action matching: {@code *} and {@code ?} as wildcards, without regard to case. */
    static boolean matches(String pattern, String action) {
        return wildcardMatches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /**
     * StringLike: {@code *} for any run of characters and {@code ?} for one, case-sensitive. Greedy with one point
     * to return to, so a pasted pattern of many stars costs at most its length times the value's (no regular
     * expression backtracking).
     */
    static boolean wildcardMatches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(String value, String id, boolean ignoreCase) {
        return ignoreCase ? value.equalsIgnoreCase(id) : value.equals(id);
    }

    private static String squeezed(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String display(IamPrincipal principal) {
        String type = principal.type().value();
        return type.equals("*") ? "*" : type + " " + principal.id();
    }

    private static List<Finding> distinct(List<Finding> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static boolean isEmpty(List<?> values) {
        return values == null || values.isEmpty();
    }
}

package io.rolegate.diagnosis;

import java.util.Locale;

/**
 * Stable identifiers of what a pasted trust policy shows (PRODUCT §5b, docs/trust-diagnosis.md). Like the check's
 * {@code DiagnosisCode}, an identifier never changes once published; each has a cause and a fix on
 * {@code /help/codes#ID}. Their identifiers start with {@code RG-TRUST-POLICY-}, apart from the check's codes.
 */
public enum TrustFinding {
    /** The document is a permission policy (Resource, no Principal), not the role's trust policy. */
    PERMISSION_POLICY(Severity.BLOCKS),
    /** No Allow statement names Rolegate's principal, nor anything close to it. */
    PRINCIPAL_MISSING(Severity.BLOCKS),
    /** The principal names another account of the right partition. */
    PRINCIPAL_ACCOUNT(Severity.BLOCKS),
    /** The principal names the vendor's account in another partition. */
    PRINCIPAL_PARTITION(Severity.BLOCKS),
    /** The principal names one user or role of the vendor's account instead of the vendor principal. */
    PRINCIPAL_SPECIFIC(Severity.BLOCKS),
    /** The principal differs from the vendor principal by a few characters. */
    PRINCIPAL_NEAR_MISS(Severity.BLOCKS),
    /** The principal is everyone ({@code *}). */
    PRINCIPAL_WILDCARD(Severity.INSECURE),
    /** The statement that trusts Rolegate does not allow sts:AssumeRole at all. */
    ACTION_MISSING(Severity.BLOCKS),
    /** The statement names an action close to sts:AssumeRole, or another way of assuming a role. */
    ACTION_WRONG(Severity.BLOCKS),
    /** No sts:ExternalId condition: anyone the policy trusts can assume the role. */
    EXTERNAL_ID_MISSING(Severity.INSECURE),
    /** The sts:ExternalId condition uses an operator other than StringEquals. */
    EXTERNAL_ID_OPERATOR(Severity.BLOCKS),
    /** A condition key close to sts:ExternalId that AWS never sets. */
    EXTERNAL_ID_KEY(Severity.BLOCKS),
    /** sts:ExternalId spelt with other capitals: IAM reads it all the same. */
    EXTERNAL_ID_KEY_CASE(Severity.NOTE),
    /** Only the previous external ID of a rotation in progress. */
    EXTERNAL_ID_PREVIOUS(Severity.WARNING),
    /** An external ID this connection no longer uses. */
    EXTERNAL_ID_RETIRED(Severity.BLOCKS),
    /** An external ID a few characters away from this connection's. */
    EXTERNAL_ID_NEAR_MISS(Severity.BLOCKS),
    /** An external ID that is not this connection's. */
    EXTERNAL_ID_WRONG(Severity.BLOCKS),
    /** A pattern (StringLike with * or ?) instead of the exact external ID. */
    EXTERNAL_ID_WILDCARD(Severity.INSECURE),
    /** A Deny statement that refuses Rolegate's AssumeRole. */
    DENY_STATEMENT(Severity.BLOCKS),
    /** A condition no request of Rolegate's can meet (source IP, MFA, organization, …). */
    CONDITION_UNSATISFIABLE(Severity.BLOCKS),
    /** Nothing in the document stops Rolegate: the role ARN or propagation is the cause. */
    DOCUMENT_RIGHT(Severity.RIGHT);

    /** What a finding means for AssumeRole, most serious first. */
    public enum Severity {
        /** AWS denies Rolegate's AssumeRole because of it. */
        BLOCKS,
        /** AssumeRole works, but not only for Rolegate with this connection's external ID. */
        INSECURE,
        /** AssumeRole works for now, but will not for long. */
        WARNING,
        /** Worth knowing; changes nothing. */
        NOTE,
        /** The document is right. */
        RIGHT;

        /** The bundle key of the severity's label, e.g. {@code severity_BLOCKS}. */
        public String labelKey() {
            return "severity_" + name();
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Severity severity;

    TrustFinding(Severity severity) {
        this.severity = severity;
    }

    /** The published identifier, e.g. {@code RG-TRUST-POLICY-EXTERNAL-ID-NEAR-MISS}. */
    public String id() {
        return "RG-TRUST-POLICY-" + name().replace('_', '-');
    }

    /** The usual severity; a finding may carry another one (an unusual operator may only weaken the check). */
    public Severity severity() {
        return severity;
    }

    public String titleKey() {
        return "code_" + name() + "_title";
    }

    public String causeKey() {
        return "code_" + name() + "_cause";
    }

    public String fixKey() {
        return "code_" + name() + "_fix";
    }
}

package io.rolegate.diagnosis;

import java.util.List;

/**
 * What a pasted trust policy shows, most serious finding first. The three flags say what is already right, for the
 * statement that trusts Rolegate: its principal, its action and its external ID (the current one).
 */
public record Diagnosis(List<Finding> findings, boolean principalRight, boolean actionRight, boolean externalIdRight) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** Whether the document allows Rolegate, with this connection's current external ID only. */
    public boolean documentRight() {
        return findings.stream().anyMatch(finding -> finding.code() == TrustFinding.DOCUMENT_RIGHT);
    }

    /** The codes found, in order and each once, as the audit trail records them (never the document). */
    public String[] codes() {
        return findings.stream().map(finding -> finding.code().id()).distinct().toArray(String[]::new);
    }
}

package io.rolegate.diagnosis;

/**
 * One thing a pasted trust policy shows, with the values its fix names. {@code severity} is usually the code's own
 * ({@link TrustFinding#severity()}); {@code diff} shows a near miss character by character, or is null.
 */
public record Finding(TrustFinding code, TrustFinding.Severity severity, FindingFacts facts, CharacterDiff diff) {

    static Finding of(TrustFinding code, FindingFacts facts) {
        return new Finding(code, code.severity(), facts, null);
    }

    Finding withSeverity(TrustFinding.Severity other) {
        return new Finding(code, other, facts, diff);
    }
}

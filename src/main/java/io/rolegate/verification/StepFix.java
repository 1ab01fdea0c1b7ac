package io.rolegate.verification;

/** The fix a step shows: the message key of its text and the facts the text names. */
public record StepFix(String key, FixFacts facts) {

    /** Whether the fix asks to change the connection's buckets or KMS keys, which its edit page does (PRODUCT §13). */
    public boolean editsConnection() {
        return StepFixes.EDITING_CONNECTION.contains(key);
    }
}

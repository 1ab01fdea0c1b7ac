package io.rolegate.verification;

/** The fix a step shows: the message key of its text and the facts the text names. */
public record StepFix(String key, FixFacts facts) {
}

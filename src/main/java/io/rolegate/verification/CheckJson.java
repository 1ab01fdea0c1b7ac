package io.rolegate.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A check as JSON (PRODUCT §8): {@code outcome} is RUNNING until the check is done. */
public record CheckJson(UUID id, UUID connectionId, CheckOutcome outcome, CheckTrigger trigger, Instant startedAt,
        Instant finishedAt, String sessionName, String roleArn, List<Step> steps) {

    /**
     * One step; {@code message}, {@code fix} and the labels are in the reader's language, {@code detail} is for
     * staff only. {@code durationMs} is null for a step that did not run; {@code fix} is null when the step asks
     * for nothing (or an earlier step has the same finding on the same resource); {@code kmsKeyArn} is the key
     * S3 named for an object it could not decrypt.
     */
    public record Step(int position, String name, String label, String resource, StepStatus status,
            String statusLabel, String code, String awsErrorCode, String requestId, Long durationMs, String message,
            String note, String fix, String kmsKeyArn, @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    }
}

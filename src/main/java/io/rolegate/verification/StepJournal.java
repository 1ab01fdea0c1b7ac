package io.rolegate.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The steps of one running check as they stand in memory, with what changed since they were last
 * written. A step is only finished while it is RUNNING: a step the deadline already gave up on stays so.
 */
final class StepJournal {

    /** One step as it is written to {@code check_steps}. */
    record Row(UUID checkId, int position, String name, String resource, StepStatus status, String code,
            String messageKey, String note, String awsErrorCode, String requestId, String detail, String deniedBy,
            String kmsKeyArn, Long durationMs, Instant startedAt, Instant finishedAt) {

        static Row running(UUID checkId, StepSlot slot, Instant now) {
            return new Row(checkId, slot.position(), slot.name(), slot.resource(), StepStatus.RUNNING, null,
                    "result_running", null, null, null, null, null, null, null, now, null);
        }

        /** A step that never ran has no duration. */
        static Row skipped(UUID checkId, StepSlot slot, String messageKey, Instant now) {
            return new Row(checkId, slot.position(), slot.name(), slot.resource(), StepStatus.SKIP, null, messageKey,
                    null, null, null, null, null, null, null, now, now);
        }

        Row waiting(DiagnosisCode waitingFor, String waitingNote) {
            return new Row(checkId, position, name, resource, status, waitingFor.name(), waitingFor.titleKey(),
                    waitingNote, awsErrorCode, requestId, detail, deniedBy, kmsKeyArn, durationMs, startedAt,
                    finishedAt);
        }

        Row finished(StepResult result, long duration, Instant now) {
            return new Row(checkId, position, name, resource, result.status(),
                    result.code() == null ? null : result.code().name(), result.messageKey(), result.note(),
                    result.awsErrorCode(), result.requestId(), result.detail(),
                    result.deniedBy() == null ? null : result.deniedBy().name(), result.kmsKeyArn(), duration,
                    startedAt, now);
        }

        Row abandoned(DiagnosisCode because, Instant now) {
            return new Row(checkId, position, name, resource, StepStatus.WARN, because.name(), because.titleKey(),
                    note, awsErrorCode, requestId, detail, deniedBy, kmsKeyArn, durationMs, startedAt, now);
        }

        /** A better diagnosis, with the message that says what this step itself saw. */
        Row relabelled(DiagnosisCode better, String message) {
            return new Row(checkId, position, name, resource, status, better.name(), message, note, awsErrorCode,
                    requestId, detail, deniedBy, kmsKeyArn, durationMs, startedAt, finishedAt);
        }

        boolean isRunning() {
            return status == StepStatus.RUNNING;
        }
    }

    private final Map<Integer, Row> rows = new TreeMap<>();
    private final Map<Integer, Row> unwritten = new TreeMap<>();

    synchronized void put(Row row) {
        rows.put(row.position(), row);
        unwritten.put(row.position(), row);
    }

    synchronized void waiting(StepSlot slot, DiagnosisCode code, String note) {
        Row row = rows.get(slot.position());
        if (row != null && row.isRunning()) {
            put(row.waiting(code, note));
        }
    }

    synchronized void finish(StepSlot slot, StepResult result, long durationMs, Instant now) {
        Row row = rows.get(slot.position());
        if (row != null && row.isRunning()) {
            put(row.finished(result, durationMs, now));
        }
    }

    synchronized void relabel(StepSlot slot, DiagnosisCode code, String messageKey) {
        Row row = rows.get(slot.position());
        if (row != null) {
            put(row.relabelled(code, messageKey));
        }
    }

    synchronized void abandon(DiagnosisCode code, Instant now) {
        for (Row row : List.copyOf(rows.values())) {
            if (row.isRunning()) {
                put(row.abandoned(code, now));
            }
        }
    }

    /** The rows changed since the last call, in position order; they count as written from now on. */
    synchronized List<Row> takeUnwritten() {
        List<Row> taken = new ArrayList<>(unwritten.values());
        unwritten.clear();
        return taken;
    }

    /** Rows whose write failed: written again next time, unless they changed in the meantime. */
    synchronized void unwritten(List<Row> failed) {
        failed.forEach(row -> unwritten.putIfAbsent(row.position(), rows.get(row.position())));
    }

    synchronized boolean hasUnwritten() {
        return !unwritten.isEmpty();
    }
}

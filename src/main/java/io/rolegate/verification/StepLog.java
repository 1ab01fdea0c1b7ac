package io.rolegate.verification;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes steps as they happen, each in its own short transaction, so the check page shows progress.
 * A step is only finished while it is RUNNING: a step the deadline already gave up on stays so.
 *
 * <p>These progress commits do not wait for the disk (synchronous_commit off): two of them per step sit
 * on the check's critical path. Losing the last few in a crash is harmless — the restarted application
 * ends the check as interrupted — and the check's durable end ({@link CheckCompletion}) flushes them all.
 */
@ApplicationScoped
class StepLog {

    private final Clock clock;

    StepLog(Clock clock) {
        this.clock = clock;
    }

    void begin(UUID checkId, StepSlot slot) {
        progress(() -> {
            CheckStep step = new CheckStep();
            step.checkId = checkId;
            step.position = slot.position();
            step.name = slot.name();
            step.resource = slot.resource();
            step.status = StepStatus.RUNNING;
            step.messageKey = "result_running";
            step.startedAt = clock.instant();
            step.persist();
        });
    }

    /** A running step that is waiting (IAM propagation): its code and note say what for. */
    void waiting(UUID checkId, StepSlot slot, DiagnosisCode code, String note) {
        progress(() -> CheckStep.update(
                "code = ?1, messageKey = ?2, note = ?3 where checkId = ?4 and position = ?5 and status = ?6",
                code.name(), code.titleKey(), note, checkId, slot.position(), StepStatus.RUNNING));
    }

    void finish(UUID checkId, StepSlot slot, StepResult result, long durationMs) {
        progress(() -> CheckStep.update(
                "status = ?1, code = ?2, messageKey = ?3, note = ?4, awsErrorCode = ?5, requestId = ?6, detail = ?7, "
                        + "durationMs = ?8, finishedAt = ?9 where checkId = ?10 and position = ?11 and status = ?12",
                result.status(), result.code() == null ? null : result.code().name(), result.messageKey(),
                result.note(), result.awsErrorCode(), result.requestId(), result.detail(), durationMs,
                clock.instant(), checkId, slot.position(), StepStatus.RUNNING));
    }

    /** Changes what a finished step is diagnosed as, once the steps beside it explain it better. */
    void relabel(UUID checkId, StepSlot slot, DiagnosisCode code) {
        progress(() -> CheckStep.update(
                "code = ?1, messageKey = ?2 where checkId = ?3 and position = ?4",
                code.name(), code.titleKey(), checkId, slot.position()));
    }

    /** Records a step that was not run, and why. */
    void skip(UUID checkId, StepSlot slot, String messageKey) {
        progress(() -> {
            CheckStep step = new CheckStep();
            step.checkId = checkId;
            step.position = slot.position();
            step.name = slot.name();
            step.resource = slot.resource();
            step.status = StepStatus.SKIP;
            step.messageKey = messageKey;
            step.startedAt = clock.instant();
            step.finishedAt = step.startedAt;
            step.durationMs = 0L;
            step.persist();
        });
    }

    private static void progress(Runnable write) {
        QuarkusTransaction.requiringNew().run(() -> {
            CheckStep.getEntityManager().createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
            write.run();
        });
    }

    /** Gives up on every step still running (deadline, restart): they end as WARN with the code. */
    void abandon(UUID checkId, DiagnosisCode code) {
        QuarkusTransaction.joiningExisting().run(() -> CheckStep.update(
                "status = ?1, code = ?2, messageKey = ?3, finishedAt = ?4 where checkId = ?5 and status = ?6",
                StepStatus.WARN, code.name(), code.titleKey(), clock.instant(), checkId, StepStatus.RUNNING));
    }
}

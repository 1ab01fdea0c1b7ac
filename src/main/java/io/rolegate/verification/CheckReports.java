package io.rolegate.verification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.connection.Connection;

/** A connection's check as JSON (PRODUCT §8), for the check page's JSON variant and for the API. */
@ApplicationScoped
public class CheckReports {

    private final CheckTexts texts;
    private final StepFixes fixes;
    private final CheckProgress progress;

    CheckReports(CheckTexts texts, StepFixes fixes, CheckProgress progress) {
        this.texts = texts;
        this.fixes = fixes;
        this.progress = progress;
    }

    /** The check of this connection in a language; {@code detail} (technical AWS text) only for staff. */
    public Optional<CheckJson> of(UUID connectionId, UUID checkId, Locale locale, boolean staff) {
        return QuarkusTransaction.joiningExisting().call(() -> Check.findOf(connectionId, checkId)
                .map(check -> json(check, Connection.findById(connectionId), locale, staff)));
    }

    private CheckJson json(Check check, Connection connection, Locale locale, boolean staff) {
        List<CheckStep> steps = CheckStep.of(check.id);
        Map<Integer, StepFix> stepFixes = fixes.of(check, connection, steps);
        return new CheckJson(check.id, check.connectionId, check.outcome, check.trigger, check.startedAt,
                check.finishedAt, check.sessionName, check.roleArn, steps.stream()
                        .map(step -> new CheckJson.Step(step.position, step.name,
                                texts.text(StepSlot.nameKey(step.name), locale), step.resource, step.status,
                                texts.text("status_" + step.status.name(), locale),
                                step.diagnosis() == null ? null : step.diagnosis().id(), step.awsErrorCode,
                                step.requestId, step.durationMs, message(check, connection, step, locale), step.note,
                                stepFixes.containsKey(step.position) ? texts.fix(stepFixes.get(step.position), locale)
                                        : null,
                                step.kmsKeyArn, staff ? step.detail : null))
                        .toList());
    }

    /** The step's result; while AssumeRole waits for IAM propagation, what AWS answered and how long it is retried. */
    private String message(Check check, Connection connection, CheckStep step, Locale locale) {
        long retrySeconds = progress.retrySeconds(check, connection, step);
        return retrySeconds < 0 ? texts.text(step.messageKey, locale) : texts.propagationRetry(retrySeconds, locale);
    }
}

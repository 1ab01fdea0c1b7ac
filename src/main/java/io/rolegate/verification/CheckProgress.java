package io.rolegate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.rolegate.connection.Connection;

/**
 * A check as its page shows it while it runs (PRODUCT §5): every planned step from the start, those not begun yet
 * as pending, and, while AssumeRole is retried because AWS denied it soon after the role ARN was submitted, how
 * much longer it will be retried. The retries end at the propagation window or the check's deadline, whichever
 * comes first ({@link CheckConfig}).
 */
@ApplicationScoped
public class CheckProgress {

    private final StepFixes fixes;
    private final CheckConfig config;
    private final Clock clock;

    CheckProgress(StepFixes fixes, CheckConfig config, Clock clock) {
        this.fixes = fixes;
        this.config = config;
        this.clock = clock;
    }

    /** The check with its fixes and, while it runs, the steps still to come. */
    public CheckView view(Check check, Connection connection) {
        CheckView recorded = fixes.view(check, connection);
        if (!check.isRunning()) {
            return recorded;
        }
        Map<Integer, CheckView.StepView> byPosition = recorded.steps().stream()
                .collect(Collectors.toMap(row -> row.step().position, Function.identity()));
        List<CheckView.StepView> rows = new ArrayList<>();
        for (StepSlot slot : StepSlot.planned(connection.buckets)) {
            CheckView.StepView row = byPosition.remove(slot.position());
            rows.add(row == null ? planned(check, slot) : withRetry(check, connection, row));
        }
        byPosition.values().forEach(row -> rows.add(withRetry(check, connection, row)));
        rows.sort(Comparator.comparingInt(row -> row.step().position));
        return new CheckView(check, List.copyOf(rows));
    }

    /**
     * Whole seconds AssumeRole is still retried for a step waiting for IAM propagation (0 on the last attempt);
     * -1 when the step is not waiting.
     */
    long retrySeconds(Check check, Connection connection, CheckStep step) {
        if (!check.isRunning() || step.status != StepStatus.RUNNING
                || step.diagnosis() != DiagnosisCode.TRUST_PROPAGATING) {
            return -1;
        }
        Instant deadline = check.startedAt.plus(config.deadline());
        Instant windowEnd = connection.roleSubmittedAt == null ? check.startedAt
                : connection.roleSubmittedAt.plus(config.propagationWindow());
        Instant end = windowEnd.isBefore(deadline) ? windowEnd : deadline;
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? 0 : left.toSeconds();
    }

    private CheckView.StepView withRetry(Check check, Connection connection, CheckView.StepView row) {
        long seconds = retrySeconds(check, connection, row.step());
        return seconds < 0 ? row : new CheckView.StepView(row.step(), row.code(), row.fix(), false, seconds);
    }

    private static CheckView.StepView planned(Check check, StepSlot slot) {
        CheckStep step = new CheckStep();
        step.checkId = check.id;
        step.position = slot.position();
        step.name = slot.name();
        step.resource = slot.resource();
        return new CheckView.StepView(step, null, null, true, -1);
    }
}

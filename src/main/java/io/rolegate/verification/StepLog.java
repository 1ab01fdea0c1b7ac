package io.rolegate.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.database.Timestamps;

/**
 * The steps of running checks: kept in a {@link StepJournal} per check and written in batches, the steps
 * of every running check in one transaction every {@code rolegate.checks.progress-every}, so the check
 * page shows progress without a transaction per step. A check's last changes are written by
 * {@link #close} in the transaction that ends it.
 *
 * <p>The batches do not wait for the disk (synchronous_commit off). Losing the last ones in a crash is
 * harmless — the restarted application ends the check as interrupted — and the check's durable end
 * ({@link CheckCompletion}) flushes them all.
 */
@ApplicationScoped
class StepLog {

    private static final Logger LOG = Logger.getLogger(StepLog.class);

    private static final String UPSERT = """
            INSERT INTO check_steps (check_id, position, name, resource, status, code, message_key, note,
                aws_error_code, request_id, detail, denied_by, kms_key_arn, duration_ms, started_at, finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (check_id, position) DO UPDATE SET status = excluded.status, code = excluded.code,
                message_key = excluded.message_key, note = excluded.note, aws_error_code = excluded.aws_error_code,
                request_id = excluded.request_id, detail = excluded.detail, denied_by = excluded.denied_by,
                kms_key_arn = excluded.kms_key_arn, duration_ms = excluded.duration_ms,
                finished_at = excluded.finished_at""";

    private final Clock clock;
    private final Map<UUID, StepJournal> open = new ConcurrentHashMap<>();
    /** Held while writing, so a check's final write never races an older batch of its steps. */
    private final ReentrantLock writing = new ReentrantLock();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rolegate-step-log");
        thread.setDaemon(true);
        return thread;
    });

    StepLog(Clock clock, CheckConfig config) {
        this.clock = clock;
        long every = config.progressEvery().toMillis();
        writer.scheduleWithFixedDelay(this::writeBatch, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts the journal of a check about to run; steps of a check without one are not recorded. */
    void open(UUID checkId) {
        open.put(checkId, new StepJournal());
    }

    void begin(UUID checkId, StepSlot slot) {
        journal(checkId, journal -> journal.put(StepJournal.Row.running(checkId, slot, clock.instant())));
    }

    /** A running step that is waiting (IAM propagation): its code and note say what for. */
    void waiting(UUID checkId, StepSlot slot, DiagnosisCode code, String note) {
        journal(checkId, journal -> journal.waiting(slot, code, note));
    }

    void finish(UUID checkId, StepSlot slot, StepResult result, long durationMs) {
        journal(checkId, journal -> journal.finish(slot, result, durationMs, clock.instant()));
    }

    /** Changes what a finished step is diagnosed as, once the steps beside it explain it better. */
    void relabel(UUID checkId, StepSlot slot, DiagnosisCode code, String messageKey) {
        journal(checkId, journal -> journal.relabel(slot, code, messageKey));
    }

    /** Records a step that was not run, and why. */
    void skip(UUID checkId, StepSlot slot, String messageKey) {
        journal(checkId, journal -> journal.put(StepJournal.Row.skipped(checkId, slot, messageKey, clock.instant())));
    }

    /** Gives up on every step of the running check still running (deadline, failure): they end as WARN with the code. */
    void abandon(UUID checkId, DiagnosisCode code) {
        journal(checkId, journal -> journal.abandon(code, clock.instant()));
    }

    /**
     * Ends the check's journal: its last changes are written in the caller's transaction, steps still running
     * ending as WARN with the code. Without a journal (a check this instance did not run, or not to the end)
     * the steps still RUNNING in the database end so.
     */
    void close(UUID checkId, DiagnosisCode stillRunning) {
        writing.lock();
        try {
            StepJournal journal = open.remove(checkId);
            if (journal != null) {
                journal.abandon(stillRunning, clock.instant());
                write(journal.takeUnwritten());
                return;
            }
        } finally {
            writing.unlock();
        }
        CheckStep.update("status = ?1, code = ?2, messageKey = ?3, finishedAt = ?4 where checkId = ?5 and status = ?6",
                StepStatus.WARN, stillRunning.name(), stillRunning.titleKey(), clock.instant(), checkId,
                StepStatus.RUNNING);
    }

    /** Drops the journal of a check that has already ended elsewhere, unwritten. */
    void forget(UUID checkId) {
        open.remove(checkId);
    }

    /** Writes what changed in every running check since the last batch, in one transaction. */
    void writeBatch() {
        writing.lock();
        try {
            List<StepJournal> changed = open.values().stream().filter(StepJournal::hasUnwritten).toList();
            if (changed.isEmpty()) {
                return;
            }
            List<List<StepJournal.Row>> taken = changed.stream().map(StepJournal::takeUnwritten).toList();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    CheckStep.getEntityManager().createNativeQuery("SET LOCAL synchronous_commit TO OFF")
                            .executeUpdate();
                    write(taken.stream().flatMap(List::stream).toList());
                });
            } catch (RuntimeException e) {
                LOG.warnf("Check progress not written, trying again: %s", e.getMessage());
                for (int index = 0; index < changed.size(); index++) {
                    changed.get(index).unwritten(taken.get(index));
                }
            }
        } finally {
            writing.unlock();
        }
    }

    private void journal(UUID checkId, Consumer<StepJournal> change) {
        StepJournal journal = open.get(checkId);
        if (journal != null) {
            change.accept(journal);
        }
    }

    private static void write(List<StepJournal.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CheckStep.getEntityManager().unwrap(Session.class).doWork(connection -> upsert(connection, rows));
    }

    private static void upsert(Connection connection, List<StepJournal.Row> rows) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(UPSERT)) {
            for (StepJournal.Row row : rows) {
                sql.setObject(1, row.checkId());
                sql.setInt(2, row.position());
                sql.setString(3, row.name());
                sql.setString(4, row.resource());
                sql.setString(5, row.status().name());
                sql.setString(6, row.code());
                sql.setString(7, row.messageKey());
                sql.setString(8, row.note());
                sql.setString(9, row.awsErrorCode());
                sql.setString(10, row.requestId());
                sql.setString(11, row.detail());
                sql.setString(12, row.deniedBy());
                sql.setString(13, row.kmsKeyArn());
                sql.setObject(14, row.durationMs(), Types.BIGINT);
                sql.setObject(15, Timestamps.of(row.startedAt()));
                sql.setObject(16, Timestamps.of(row.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    @PreDestroy
    void shutdown() {
        writer.shutdownNow();
    }
}

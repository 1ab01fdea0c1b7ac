package io.rolegate.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One run of the live check against a connection (PRODUCT §5), kept as history. */
@Entity
@Table(name = "checks")
public class Check extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID connectionId;

    public Instant startedAt;

    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    public CheckOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger")
    public CheckTrigger trigger;

    public UUID triggeredBy;

    public String triggeredByLabel;

    /** The role ARN and external ID the check used, as they were when it started. */
    public String roleArn;

    public UUID externalIdId;

    public String sessionName;

    public String outcomeKey() {
        return "outcome_" + outcome.name();
    }

    public String triggerKey() {
        return "trigger_" + trigger.name();
    }

    public boolean isRunning() {
        return outcome == CheckOutcome.RUNNING;
    }

    public static Optional<Check> findOf(UUID connectionId, UUID checkId) {
        return find("id = ?1 and connectionId = ?2", checkId, connectionId).firstResultOptional();
    }

    public static Optional<Check> running(UUID connectionId) {
        return find("connectionId = ?1 and outcome = ?2", connectionId, CheckOutcome.RUNNING).firstResultOptional();
    }

    /** The connection's checks, newest first. */
    public static List<Check> history(UUID connectionId, int limit) {
        return find("connectionId = ?1 order by startedAt desc", connectionId).page(0, limit).list();
    }

    public static long startedBySince(UUID accountId, Instant since) {
        return count("triggeredBy = ?1 and startedAt > ?2", accountId, since);
    }
}

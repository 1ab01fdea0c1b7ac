package io.rolegate.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One step of a check, written when it starts and again when it ends, so a running check shows its
 * progress. {@code detail} is technical text for staff; it never holds credentials.
 */
@Entity
@Table(name = "check_steps")
public class CheckStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID checkId;

    public int position;

    public String name;

    public String resource;

    @Enumerated(EnumType.STRING)
    public StepStatus status;

    /** The diagnosis code's enum name; see {@link #diagnosis()}. */
    public String code;

    public String messageKey;

    public String note;

    public String awsErrorCode;

    public String requestId;

    public Long durationMs;

    public String detail;

    /** The kind of policy AWS named for a denial ({@code AwsFailure.DeniedBy}); null when AWS did not say. */
    public String deniedBy;

    /** The KMS key S3 named for an object it could not decrypt for the role. */
    public String kmsKeyArn;

    public Instant startedAt;

    public Instant finishedAt;

    public DiagnosisCode diagnosis() {
        return code == null ? null : DiagnosisCode.valueOf(code);
    }

    public static List<CheckStep> of(UUID checkId) {
        return list("checkId = ?1 order by position", checkId);
    }
}

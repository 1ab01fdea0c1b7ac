package io.rolegate.connection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Every role ARN submitted for a connection, kept as its history. */
@Entity
@Table(name = "role_submissions")
public class RoleSubmission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID connectionId;

    public String roleArn;

    public Instant submittedAt;

    public UUID submittedBy;

    public static List<RoleSubmission> history(UUID connectionId) {
        return list("connectionId = ?1 order by submittedAt desc, id desc", connectionId);
    }
}

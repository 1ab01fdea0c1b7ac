package io.rolegate.connection;

import java.util.Optional;
import java.util.UUID;

/**
 * A turn in a connection's life that people are told about by e-mail (PRODUCT §14, docs/notifications.md). Fired by
 * {@link ConnectionRepository} inside the transaction that makes the change; observers act once it has committed.
 * Carries no secret: no external ID, role ARN or account number.
 *
 * @param reason the administrator's reason of a revocation; null for the other kinds
 */
public record ConnectionNotice(UUID connectionId, UUID organisationId, Kind kind, String reason) {

    private static final String INSECURE_OUTCOME = "INSECURE";

    public enum Kind {
        /** The connection turned FAILING (it had been ACTIVE, or PENDING with an insecure role). */
        FAILING,
        /** A check found the role can be assumed without the external ID, and the previous one had not. */
        INSECURE,
        /** An administrator revoked the connection. */
        REVOKED
    }

    /**
     * What a finished check tells people, if anything: INSECURE when a check first finds the role insecure (it
     * supersedes FAILING), FAILING when the connection turns FAILING otherwise.
     *
     * @param previousOutcome the outcome name of the check before this one, null if none
     */
    static Optional<Kind> afterCheck(ConnectionStatus before, String previousOutcome, ConnectionStatus after,
            String outcome) {
        if (INSECURE_OUTCOME.equals(outcome) && !INSECURE_OUTCOME.equals(previousOutcome)) {
            return Optional.of(Kind.INSECURE);
        }
        if (after == ConnectionStatus.FAILING && before != ConnectionStatus.FAILING) {
            return Optional.of(Kind.FAILING);
        }
        return Optional.empty();
    }
}

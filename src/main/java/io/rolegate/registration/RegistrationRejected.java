package io.rolegate.registration;

import java.util.UUID;

/**
 * CDI event: a registration message was refused (PRODUCT §12, §14), fired after the refusal was committed and
 * answered. Observers must not block: the queue worker fires it.
 *
 * @param connectionId the connection the message named, when Rolegate knows it; null otherwise
 * @param reason the reason the customer reads in the CloudFormation console (English)
 */
public record RegistrationRejected(UUID connectionId, String reason) {
}

package io.rolegate.organisation;

import java.time.Instant;
import java.util.UUID;

/** One line of the organisations list. */
public record OrganisationRow(UUID id, String name, Instant createdAt, long users) {
}

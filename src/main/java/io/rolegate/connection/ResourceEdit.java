package io.rolegate.connection;

import java.util.UUID;

/** What an edit of a connection's label and resources did (PRODUCT §13). */
public sealed interface ResourceEdit {

    /** Stored, with the label and resources before and after. */
    record Changed(UUID organisationId, ConnectionResources before, ConnectionResources after) implements ResourceEdit {

        /** Whether the policies changed, so the role must be updated (a new label alone changes none). */
        public boolean grantsChanged() {
            return before.grantsDifferFrom(after);
        }
    }

    /** The form held exactly what is stored: nothing was written or audited. */
    record Unchanged() implements ResourceEdit {
    }

    /** The connection is revoked and takes no change. */
    record Revoked() implements ResourceEdit {
    }
}

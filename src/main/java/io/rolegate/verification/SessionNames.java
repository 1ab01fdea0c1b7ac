package io.rolegate.verification;

import java.util.UUID;

/**
 * RoleSessionName of a check's AssumeRole calls, visible in the customer's CloudTrail:
 * {@code rolegate-{connection}-{check}} with the first 8 hex digits of each id (26 characters;
 * AWS allows 64 of {@code [\w+=,.@-]}). Eight digits are enough to find the check in Rolegate, and
 * the negative probes add a suffix so CloudTrail tells them apart from the real session.
 */
final class SessionNames {

    static final String WITHOUT_EXTERNAL_ID = "-no-xid";
    static final String WRONG_EXTERNAL_ID = "-wrong-xid";

    private SessionNames() {
    }

    static String of(UUID connectionId, UUID checkId) {
        return "rolegate-" + shortId(connectionId) + "-" + shortId(checkId);
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}

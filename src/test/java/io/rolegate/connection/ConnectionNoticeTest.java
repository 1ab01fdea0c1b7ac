package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which finished checks people are told about (PRODUCT §14, docs/notifications.md), as a table. */
class ConnectionNoticeTest {

    @ParameterizedTest(name = "{0} after {1}, then {3} → {2}: {4}")
    @CsvSource(nullValues = "none", value = {
            // before,  previous outcome, after,   outcome,      notice
            "ACTIVE,    PASSED,           FAILING, FAILED,       FAILING",
            "FAILING,   FAILED,           FAILING, FAILED,       none",
            "ACTIVE,    PASSED,           FAILING, INSECURE,     INSECURE",
            "PENDING,   none,             FAILING, INSECURE,     INSECURE",
            "FAILING,   INSECURE,         FAILING, INSECURE,     none",
            "FAILING,   FAILED,           FAILING, INSECURE,     INSECURE",
            "FAILING,   INSECURE,         FAILING, FAILED,       none",
            "FAILING,   FAILED,           ACTIVE,  PASSED,       none",
            "ACTIVE,    PASSED,           ACTIVE,  INCONCLUSIVE, none",
            "PENDING,   none,             PENDING, FAILED,       none",
            "PENDING,   none,             ACTIVE,  PASSED,       none"})
    void aCheckIsToldWhenItTurnsTheConnectionFailingOrFirstFindsItInsecure(ConnectionStatus before,
            String previousOutcome, ConnectionStatus after, String outcome, ConnectionNotice.Kind notice) {
        assertEquals(Optional.ofNullable(notice), ConnectionNotice.afterCheck(before, previousOutcome, after, outcome));
    }
}

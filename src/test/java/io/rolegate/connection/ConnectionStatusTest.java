package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.rolegate.connection.ConnectionStatus.CheckVerdict;

/** PRODUCT §3 as a table: every status × every event, and the status that follows. */
class ConnectionStatusTest {

    @ParameterizedTest(name = "{0} + check {1} → {2}")
    @CsvSource({
            "PENDING, PASSED, ACTIVE",
            "PENDING, FAILED, PENDING",
            "PENDING, INSECURE, FAILING",
            "PENDING, INCONCLUSIVE, PENDING",
            "ACTIVE, PASSED, ACTIVE",
            "ACTIVE, FAILED, FAILING",
            "ACTIVE, INSECURE, FAILING",
            "ACTIVE, INCONCLUSIVE, ACTIVE",
            "FAILING, PASSED, ACTIVE",
            "FAILING, FAILED, FAILING",
            "FAILING, INSECURE, FAILING",
            "FAILING, INCONCLUSIVE, FAILING",
            "REVOKED, PASSED, REVOKED",
            "REVOKED, FAILED, REVOKED",
            "REVOKED, INSECURE, REVOKED",
            "REVOKED, INCONCLUSIVE, REVOKED",
    })
    void aCheckMovesTheStatusAsPRODUCT3Says(ConnectionStatus before, CheckVerdict verdict, ConnectionStatus after) {
        assertEquals(after, before.afterCheck(verdict));
    }

    @ParameterizedTest
    @EnumSource(ConnectionStatus.class)
    void aRevocationEndsEveryStatusForGood(ConnectionStatus before) {
        assertEquals(ConnectionStatus.REVOKED, before.afterRevocation());
    }
}

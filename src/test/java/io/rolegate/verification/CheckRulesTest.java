package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.rolegate.connection.ConnectionStatus;
import io.rolegate.connection.FieldError;

/** The rules of PRODUCT §3 and §5 that need no AWS: outcome order, status transitions, names and codes. */
class CheckRulesTest {

    @Test
    void worseOutcomesWin() {
        assertEquals(CheckOutcome.INSECURE, CheckOutcome.FAILED.worst(CheckOutcome.INSECURE));
        assertEquals(CheckOutcome.INSECURE, CheckOutcome.INSECURE.worst(CheckOutcome.INCONCLUSIVE));
        assertEquals(CheckOutcome.FAILED, CheckOutcome.INCONCLUSIVE.worst(CheckOutcome.FAILED));
        assertEquals(CheckOutcome.INCONCLUSIVE, CheckOutcome.PASSED.worst(CheckOutcome.INCONCLUSIVE));
        assertEquals(CheckOutcome.PASSED, CheckOutcome.PASSED.worst(null));
    }

    @Test
    void everyOutcomeReachesTheStatusMachineAsItsVerdict() {
        assertEquals(ConnectionStatus.CheckVerdict.PASSED, CheckOutcome.PASSED.verdict());
        assertEquals(ConnectionStatus.CheckVerdict.FAILED, CheckOutcome.FAILED.verdict());
        assertEquals(ConnectionStatus.CheckVerdict.INSECURE, CheckOutcome.INSECURE.verdict());
        assertEquals(ConnectionStatus.CheckVerdict.INCONCLUSIVE, CheckOutcome.INCONCLUSIVE.verdict());
        assertEquals(ConnectionStatus.CheckVerdict.INCONCLUSIVE, CheckOutcome.RUNNING.verdict());
    }

    @Test
    void sessionNamesFitAwsRulesWithTheirProbeSuffixes() {
        String name = SessionNames.of(UUID.randomUUID(), UUID.randomUUID());
        assertTrue(name.matches("rolegate-[0-9a-f]{8}-[0-9a-f]{8}"), name);
        assertTrue((name + SessionNames.WRONG_EXTERNAL_ID).matches("[\\w+=,.@-]{2,64}"));
    }

    @Test
    void roleArnRefusalsMapToTheirCodes() {
        assertEquals(DiagnosisCode.ARN_ACCOUNT_MISMATCH, CheckRun.arnCode(FieldError.of("roleArn.accountMismatch")));
        assertEquals(DiagnosisCode.ARN_PARTITION_MISMATCH, CheckRun.arnCode(FieldError.of("roleArn.partitionMismatch")));
        assertEquals(DiagnosisCode.ARN_NOT_ROLE, CheckRun.arnCode(FieldError.of("roleArn.userArn")));
        assertEquals(DiagnosisCode.ARN_NOT_ROLE, CheckRun.arnCode(FieldError.of("roleArn.assumedRoleArn")));
        assertEquals(DiagnosisCode.ARN_INVALID, CheckRun.arnCode(FieldError.of("roleArn.malformed")));
    }

    @Test
    void onlyRolegatesAndAwsSideProblemsAreLabelledAsSuch() {
        assertTrue(DiagnosisCode.VENDOR_CREDENTIALS.isOperatorProblem());
        assertTrue(DiagnosisCode.AWS_TIMEOUT.isOperatorProblem());
        assertFalse(DiagnosisCode.CONNECTION_REVOKED.isOperatorProblem(), "an administrator's decision");
        assertFalse(DiagnosisCode.TRUST_PROPAGATING.isOperatorProblem(), "IAM propagation passes by itself");
        assertFalse(DiagnosisCode.TRUST_DENIED.isOperatorProblem());
    }

    @Test
    void codeIdentifiersAreStableAndUnique() {
        assertEquals("RG-TRUST-EXTERNAL-ID-WILDCARD", DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD.id());
        assertEquals("RG-KMS-DECRYPT-DENIED", DiagnosisCode.KMS_DECRYPT_DENIED.id());
        assertEquals(DiagnosisCode.values().length, Arrays.stream(DiagnosisCode.values())
                .map(DiagnosisCode::id).distinct().count());
    }
}

package io.rolegate.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;
import io.rolegate.connection.Connection;
import io.rolegate.connection.Parsed;

/** The reading and the rules of the diagnosis that need no running application. */
class TrustPolicyDiagnosisTest {

    private static final String CURRENT = "rg-abcdefghijklmnopqrstuvwxyz234567";
    private static final TrustExpectation EXPECTED = new TrustExpectation("arn:aws:iam::111111111111:root", "aws", CURRENT,
            Optional.empty(), List.of());

    private static Diagnosis diagnose(String json) {
        return TrustPolicyDiagnosis.diagnose(((Parsed.Valid<PastedPolicy>) PastedPolicy.read(json)).value().policy(),
                EXPECTED);
    }

    @Test
    void aPatternOfManyStarsIsMatchedInTimeLinearInItsLength() {
        String pattern = "*a".repeat(5_000) + "*b";
        String id = "a".repeat(1_224);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(TrustPolicyDiagnosis.wildcardMatches(pattern, id)));
        assertTrue(TrustPolicyDiagnosis.wildcardMatches("rg-*", CURRENT));
        assertTrue(TrustPolicyDiagnosis.wildcardMatches("rg-?bcdefghijklmnopqrstuvwxyz234567", CURRENT));
        assertFalse(TrustPolicyDiagnosis.wildcardMatches("RG-*", CURRENT));
    }

    @Test
    void actionsMatchWithoutRegardToCaseAndWithWildcards() {
        for (String action : List.of("sts:AssumeRole", "STS:assumerole", "sts:*", "*", "sts:Assume*", "sts:AssumeRol?")) {
            assertTrue(TrustPolicyDiagnosis.matches(action, "sts:AssumeRole"), action);
        }
        assertFalse(TrustPolicyDiagnosis.matches("sts:AssumeRoleWithSAML", "sts:AssumeRole"));
    }

    @Test
    void aBareAccountIdOfTheVendorIsItsRoot() {
        Diagnosis diagnosis = diagnose("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + CURRENT + "\"}}}}");
        assertTrue(diagnosis.documentRight(), String.join(" ", diagnosis.codes()));
        assertTrue(diagnosis.principalRight() && diagnosis.actionRight() && diagnosis.externalIdRight());
    }

    @Test
    void anIfExistsOperatorLetsARequestWithoutAnIdIn() {
        Diagnosis diagnosis = diagnose("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEqualsIfExists\":{\"sts:ExternalId\":\"" + CURRENT + "\"}}}}");
        Finding operator = diagnosis.findings().get(0);
        assertEquals(TrustFinding.EXTERNAL_ID_OPERATOR, operator.code());
        assertEquals(TrustFinding.Severity.INSECURE, operator.severity());
        assertFalse(diagnosis.documentRight());
    }

    @Test
    void anotherStatementWithoutTheIdMakesARightStatementInsecure() {
        Diagnosis diagnosis = diagnose("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + CURRENT + "\"}}},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"sts:*\"}]}");
        assertEquals(List.of("RG-TRUST-POLICY-EXTERNAL-ID-MISSING"), List.of(diagnosis.codes()));
    }

    @Test
    void everyComputedMessageKeyIsDeclared() {
        Set<String> declared = Arrays.stream(TrustMessages.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class)).map(method -> method.getName())
                .collect(Collectors.toSet());
        Stream<String> keys = Stream.of(
                Arrays.stream(TrustFinding.values()).flatMap(code -> Stream.of(code.titleKey(), code.causeKey(), code.fixKey())),
                Arrays.stream(TrustFinding.Severity.values()).map(TrustFinding.Severity::labelKey),
                Arrays.stream(PastedPolicy.Form.values()).map(PastedPolicy.Form::labelKey),
                Arrays.stream(CharacterDiff.Kind.values()).map(kind -> new CharacterDiff.Difference(kind, 1, "", "").key()),
                Stream.of("error_trustPolicy_required", "error_trustPolicy_tooLong", "error_trustPolicy_notJson",
                        "error_trustPolicy_limits", "error_trustPolicy_encoding", "error_trustPolicy_noDocument",
                        "error_trustPolicy_notPolicy")).flatMap(stream -> stream);
        keys.forEach(key -> assertTrue(declared.contains(key), key));
    }

    @Test
    void theGetRoleCommandNamesTheRegionOutsideTheCommercialPartition() {
        Connection connection = new Connection();
        connection.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        connection.partition = "aws-us-gov";
        connection.region = "us-gov-west-1";
        assertEquals("aws iam get-role --role-name reader --query Role.AssumeRolePolicyDocument --region us-gov-west-1 "
                + "--output json", TrustDiagnosisExtensions.getRoleCommand(connection,
                        "arn:aws-us-gov:iam::123456789012:role/team/reader"));
        connection.partition = "aws";
        connection.region = "eu-west-1";
        assertEquals("aws iam get-role --role-name rolegate-00000000-0000-0000-0000-000000000001 --query "
                + "Role.AssumeRolePolicyDocument --output json", TrustDiagnosisExtensions.getRoleCommand(connection, null));
    }
}

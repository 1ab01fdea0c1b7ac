package io.rolegate.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rolegate.aws.AwsFailure.DeniedBy;

/** Which fix a finding gets, and that every fix the choice can name exists in both languages. */
class StepFixesTest {

    @Test
    void everyFixTheChoiceCanNameExistsInEnglishAndJapaneseWithTheFacts() throws IOException {
        Set<String> english = Arrays.stream(CheckMessages.class.getDeclaredMethods())
                .filter(method -> Arrays.equals(method.getParameterTypes(), new Class<?>[] {FixFacts.class}))
                .map(method -> method.getName()).collect(Collectors.toSet());
        Properties japanese = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/check_ja.properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            japanese.load(reader);
        }
        Set<String> chosen = new HashSet<>();
        for (DiagnosisCode code : DiagnosisCode.values()) {
            for (DeniedBy deniedBy : Arrays.copyOf(DeniedBy.values(), DeniedBy.values().length + 1)) {
                for (boolean keyKnown : new boolean[] {true, false}) {
                    for (boolean keyListed : new boolean[] {true, false}) {
                        for (boolean awsAnswered : new boolean[] {true, false}) {
                            chosen.add(StepFixes.key(code, deniedBy, keyKnown, keyListed, true, awsAnswered));
                            chosen.add(StepFixes.key(code, deniedBy, keyKnown, keyListed, false, awsAnswered));
                        }
                    }
                }
            }
        }
        assertTrue(chosen.size() > DiagnosisCode.values().length, "variants besides the codes' own fixes: " + chosen);
        for (String key : chosen) {
            assertTrue(english.contains(key), key + " takes the facts in CheckMessages");
            assertTrue(japanese.containsKey(key), key + " in check_ja.properties");
        }
        for (DiagnosisCode code : DiagnosisCode.values()) {
            assertTrue(english.contains(code.fixKey()), code.fixKey() + " takes the facts, for the help page");
        }
    }

    @Test
    void aDenialGetsTheFixForThePolicyAwsNamed() {
        assertEquals("fix_bucket_policy_denies",
                StepFixes.key(DiagnosisCode.S3_LOCATION_DENIED, DeniedBy.RESOURCE_POLICY_DENY, false, false, true));
        assertEquals("fix_bucket_policy_missing",
                StepFixes.key(DiagnosisCode.S3_LIST_DENIED, DeniedBy.RESOURCE_POLICY, false, false, false));
        assertEquals("fix_role_policy_missing",
                StepFixes.key(DiagnosisCode.S3_READ_DENIED, DeniedBy.IDENTITY_POLICY, false, false, false));
        assertEquals("fix_scp_denies",
                StepFixes.key(DiagnosisCode.S3_READ_DENIED, DeniedBy.SERVICE_CONTROL_POLICY, false, false, false));
        assertEquals("code_S3_VPC_ENDPOINT_DENIED_fix",
                StepFixes.key(DiagnosisCode.S3_LOCATION_DENIED, DeniedBy.VPC_ENDPOINT_POLICY, false, false, false));
    }

    @Test
    void anUnexplainedRegionDenialPointsOutsideTheRoleOnlyWhenListingTheBucketWorked() {
        assertEquals("fix_location_unexplained",
                StepFixes.key(DiagnosisCode.S3_LOCATION_DENIED, null, false, false, true));
        assertEquals("code_S3_LOCATION_DENIED_fix",
                StepFixes.key(DiagnosisCode.S3_LOCATION_DENIED, null, false, false, false));
        assertEquals("code_S3_LIST_DENIED_fix", StepFixes.key(DiagnosisCode.S3_LIST_DENIED, null, false, false, true));
    }

    @Test
    void vendorCredentialsAwsNeverSawAreNotDescribedAsRefused() {
        assertEquals("fix_vendor_credentials_missing",
                StepFixes.key(DiagnosisCode.VENDOR_CREDENTIALS, null, false, false, false, false));
        assertEquals("code_VENDOR_CREDENTIALS_fix",
                StepFixes.key(DiagnosisCode.VENDOR_CREDENTIALS, null, false, false, false, true));
    }

    @Test
    void aKmsRefusalAsksToAddTheKeyOnlyWhenTheConnectionDoesNotListIt() {
        assertEquals("fix_kms_key_policy", StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, null, true, true, false));
        assertEquals("fix_kms_key_policy",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, DeniedBy.RESOURCE_POLICY, true, true, false));
        assertEquals("fix_kms_add_key_and_key_policy",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, null, true, false, false));
        assertEquals("fix_kms_role_policy",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, DeniedBy.IDENTITY_POLICY, true, true, false));
        assertEquals("fix_kms_add_key",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, DeniedBy.IDENTITY_POLICY, true, false, false));
        assertEquals("fix_kms_key_policy_denies",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, DeniedBy.RESOURCE_POLICY_DENY, true, false, false));
        assertEquals("code_KMS_DECRYPT_DENIED_fix",
                StepFixes.key(DiagnosisCode.KMS_DECRYPT_DENIED, DeniedBy.IDENTITY_POLICY, false, false, false));
    }

    @Test
    void theFactsNameTheKeysAccountAndS3InTheKeysRegionOfItsPartition() {
        FixFacts china = new FixFacts("aws-cn", "123456789012", "cn-north-1", "arn:aws-cn:iam::123456789012:role/r",
                "123456789012", "aws-cn", "s", null, "rg-x", "acme", "reports/", "cn-north-1", "reports/a.csv", "kms:Decrypt",
                "arn:aws-cn:kms:cn-northwest-1:210987654321:key/0b4c1e3a-1111-2222-3333-444455556666", "",
                "arn:aws-cn:kms:cn-northwest-1:210987654321:key/0b4c1e3a-1111-2222-3333-444455556666", "Amazon S3",
                "cn-north-1");

        assertEquals("210987654321", china.keyAccount());
        assertEquals("s3.cn-northwest-1.amazonaws.com.cn", china.viaService());
        assertEquals("arn:aws-cn:s3:::acme/reports/*", china.objectsArn());
        assertEquals("210987654321", FixFacts.arnPart(china.keyArn(), 4));
        assertEquals("not an ARN", FixFacts.arnPart("not an ARN", 4));
    }
}

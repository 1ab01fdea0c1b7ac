package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.ConnectionForm;
import io.rolegate.connection.ConnectionRequest;
import io.rolegate.connection.ConnectionValidation;
import io.rolegate.connection.ConnectionValidator;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;

class PolicyRulesTest {

    @Test
    void grantsCoveredByAWholeBucketOrShorterPrefixAreDropped() {
        List<BucketGrant> grants = List.of(new BucketGrant("bbb", "logs/2024/"), new BucketGrant("aaa", "x/"), new BucketGrant("bbb", "logs/"),
                new BucketGrant("aaa", null), new BucketGrant("ccc", "logs-old/"), new BucketGrant("ccc", "logs/"));
        assertEquals(List.of(new BucketGrant("aaa", null), new BucketGrant("bbb", "logs/"), new BucketGrant("ccc", "logs-old/"), new BucketGrant("ccc", "logs/")),
                PermissionPolicy.effectiveGrants(grants));
    }

    @Test
    void inputOrderDoesNotChangeThePolicy() {
        PolicyModel model = PolicyCases.all().get("several-buckets-kms");
        List<BucketGrant> reversed = new ArrayList<>(model.buckets());
        Collections.reverse(reversed);
        List<KmsKeyArn> reversedKeys = new ArrayList<>(model.kmsKeys());
        Collections.reverse(reversedKeys);
        PolicyModel shuffled = new PolicyModel(model.connectionId(), model.label(), model.partition(), model.homeRegion(), model.customerAccount(),
                model.roleName(), model.externalIds(), reversed, reversedKeys, model.vendorPrincipal());
        assertEquals(PermissionPolicy.json(model), PermissionPolicy.json(shuffled));
    }

    @Test
    void validatorEstimateIsNeverBelowTheRenderedPolicySize() {
        Random random = new Random(7);
        int largestAccepted = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder buckets = new StringBuilder();
            int count = 1 + random.nextInt(20);
            for (int b = 0; b < count; b++) {
                buckets.append("bucket-").append(b).append(random.nextBoolean() ? "" : "/" + "p\"\\é".repeat(random.nextInt(120))).append('\n');
            }
            StringBuilder keys = new StringBuilder();
            for (int k = 0; k < random.nextInt(21); k++) {
                keys.append("arn:aws-us-gov:kms:us-gov-").append(random.nextBoolean() ? "east" : "west").append("-1:111122223333:key/mrk-")
                        .append(String.format("%032x", k)).append('\n');
            }
            ConnectionValidation result = ConnectionValidator.validate(new ConnectionForm("x", "111122223333", "aws-us-gov", "us-gov-west-1",
                    buckets.toString(), keys.toString()));
            if (result instanceof ConnectionValidation.Valid valid) {
                int size = PermissionPolicy.json(model(valid.request())).replaceAll("\\s", "").length();
                assertTrue(size <= ConnectionValidator.MAX_PERMISSION_POLICY_CHARACTERS, "accepted, but IAM would refuse " + size + " characters");
                largestAccepted = Math.max(largestAccepted, size);
            }
        }
        assertTrue(largestAccepted > ConnectionValidator.MAX_PERMISSION_POLICY_CHARACTERS / 2, "the estimate should not refuse policies far below the limit");
    }

    @Test
    void vendorPrincipalDefaultsToTheVendorAccountRootOfTheConnectionsPartition() {
        assertEquals("arn:aws-cn:iam::999988887777:root", VendorPrincipal.resolve(Partition.AWS_CN, null, "999988887777").orThrow().arn());
        assertEquals("arn:aws:iam::999988887777:role/rolegate/Checker",
                VendorPrincipal.resolve(Partition.AWS, " arn:aws:iam::999988887777:role/rolegate/Checker ", "111122223333").orThrow().arn());
        assertEquals("vendor.unconfigured", error(VendorPrincipal.resolve(Partition.AWS, "", " ")));
        assertEquals("vendor.accountId.malformed", error(VendorPrincipal.resolve(Partition.AWS, null, "9999")));
        assertEquals("vendor.principalArn.malformed", error(VendorPrincipal.resolve(Partition.AWS, "arn:aws:iam::999988887777:group/x", null)));
        assertEquals("vendor.principalArn.partition", error(VendorPrincipal.resolve(Partition.AWS_CN, "arn:aws:iam::999988887777:root", null)));
    }

    @Test
    void quickCreateLinkOpensTheConsoleOfThePartitionWithEncodedValues() {
        PolicyModel model = PolicyCases.all().get("aws-cn");
        String link = QuickCreateLink.build(model, "https://rolegate-templates.s3.cn-north-1.amazonaws.com.cn/t/0a1b.yaml");
        assertEquals("https://console.amazonaws.cn/cloudformation/home?region=cn-north-1#/stacks/quickcreate"
                + "?templateURL=https%3A%2F%2Frolegate-templates.s3.cn-north-1.amazonaws.com.cn%2Ft%2F0a1b.yaml"
                + "&stackName=rolegate-c0a8012e-china&param_ExternalId=rg-chinacase44444444444444444444444", link);
        assertTrue(QuickCreateLink.build(PolicyCases.all().get("known-role"), PolicyCases.TEMPLATE_URL)
                .startsWith("https://console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1#"));
        assertTrue(QuickCreateLink.build(PolicyCases.oneBucket(), PolicyCases.TEMPLATE_URL)
                .startsWith("https://console.aws.amazon.com/cloudformation/home?region=us-east-1#"));
        assertThrows(IllegalArgumentException.class, () -> QuickCreateLink.build(model, "ftp://templates.example.com/t.yaml"));
        assertThrows(IllegalArgumentException.class, () -> QuickCreateLink.build(model, "https://templates.example.com/t.yaml#x"));
        assertEquals(Optional.empty(), Artifacts.render(model, Optional.of(" ")).quickCreateLink());
    }

    @Test
    void quickCreateLinkCarriesTheCurrentIdDuringARotation() {
        String link = QuickCreateLink.build(PolicyCases.all().get("rotation"), PolicyCases.TEMPLATE_URL);
        assertTrue(link.endsWith("&param_ExternalId=rg-newid66666666666666666666666666"), link);
    }

    @Test
    void modelRefusesInconsistentInput() {
        PolicyModel good = PolicyCases.oneBucket();
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel(good.connectionId(), good.label(), Partition.AWS_CN, "cn-north-1",
                good.customerAccount(), good.roleName(), good.externalIds(), good.buckets(), good.kmsKeys(), good.vendorPrincipal()));
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel("has space", good.label(), good.partition(), good.homeRegion(),
                good.customerAccount(), good.roleName(), good.externalIds(), good.buckets(), good.kmsKeys(), good.vendorPrincipal()));
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel(good.connectionId(), good.label(), good.partition(), good.homeRegion(),
                good.customerAccount(), good.roleName(), List.of(good.currentExternalId(), good.currentExternalId()), good.buckets(), good.kmsKeys(),
                good.vendorPrincipal()));
        assertThrows(IllegalArgumentException.class, () -> new PolicyModel(good.connectionId(), good.label(), good.partition(), good.homeRegion(),
                good.customerAccount(), good.roleName(), good.externalIds(), List.of(), good.kmsKeys(), good.vendorPrincipal()));
    }

    @Test
    void downloadsAreFoundByTheirFileNames() {
        Artifacts artifacts = Artifacts.render(PolicyCases.oneBucket(), Optional.empty());
        assertEquals("application/json", artifacts.byFileName("trust-policy.json").orElseThrow().contentType());
        assertEquals(artifacts.permissionPolicy(), artifacts.byFileName("permission-policy.json").orElseThrow());
        assertEquals(artifacts.cloudFormation(), artifacts.byFileName("cloudformation.yaml").orElseThrow());
        assertEquals(artifacts.terraform(), artifacts.byFileName("main.tf").orElseThrow());
        assertEquals(Optional.empty(), artifacts.byFileName("../etc/passwd"));
    }

    static PolicyModel model(ConnectionRequest request) {
        return PolicyModel.of("c0a8012e", request, List.of(ExternalId.generate()), PolicyCases.root(request.partition()));
    }

    private static String error(Parsed<?> parsed) {
        return assertInstanceOf(Parsed.Invalid.class, parsed).error().key();
    }

    @Test
    void accountIdIsNotAcceptedInAnotherShape() {
        assertThrows(IllegalArgumentException.class, () -> new AccountId("1111-2222-3333"));
    }
}

package io.rolegate.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;

/** Representative connections whose artifacts are kept as golden files. */
final class PolicyCases {

    /** Where a template is published (PRODUCT §12): the vendor's bucket, a random object name. */
    static final String TEMPLATE_URL = "https://rolegate-templates.s3.us-east-1.amazonaws.com/connections/9f3c2a7e41d05b8e6a1f4c2d7b9e0a3f5c8d1e2b.yaml";
    static final String REGISTRATION_TOKEN = "rgr-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String VENDOR_ACCOUNT = "999988887777";

    private PolicyCases() {
    }

    static Map<String, PolicyModel> all() {
        return Map.of(
                "one-bucket", oneBucket(),
                "bucket-with-prefix", model("c0a8012e-prefix", "Monthly reports", Partition.AWS, "eu-west-1",
                        List.of("rg-prefixcase2222222222222222222222"), List.of("acme-data/reports/2024/"), List.of(), root(Partition.AWS)),
                "several-buckets-kms", model("c0a8012e-kms", "Data lake", Partition.AWS, "eu-central-1",
                        List.of("rg-kmscase3333333333333333333333333"),
                        List.of("acme-logs", "acme-data/exports/", "acme.archive/2023", "acme-data/exports/daily/"),
                        List.of("arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
                                "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                "arn:aws:kms:eu-central-1:444455556666:key/0987dcba-09fe-87dc-65ba-ab0987654321"),
                        root(Partition.AWS)),
                "aws-cn", registered(model("c0a8012e-china", "北京 exports", Partition.AWS_CN, "cn-north-1",
                        List.of("rg-chinacase44444444444444444444444"), List.of("acme-cn-data/raw/"),
                        List.of("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"), root(Partition.AWS_CN))),
                "configured-principal", model("c0a8012e-principal", "Data \"lake\" <prod> — 東京", Partition.AWS, "ap-northeast-1",
                        List.of("rg-principalcase5555555555555555555"), List.of("acme-tokyo"), List.of(),
                        Parsed.valid(new VendorPrincipal("arn:aws:iam::999988887777:role/rolegate/RolegateChecker")).orThrow()),
                "rotation", registered(model("c0a8012e-rotation", "Rotating", Partition.AWS, "us-east-1",
                        List.of("rg-newid66666666666666666666666666", "rg-oldid77777777777777777777777777"), List.of("acme-exports"),
                        List.of(), root(Partition.AWS))).withExistingRole(role("arn:aws:iam::111122223333:role/rolegate-c0a8012e-rotation")),
                "rotation-completed", model("c0a8012e-rotation", "Rotating", Partition.AWS, "us-east-1",
                        List.of("rg-newid66666666666666666666666666"), List.of("acme-exports"),
                        List.of(), root(Partition.AWS)).withExistingRole(role("arn:aws:iam::111122223333:role/rolegate-c0a8012e-rotation")),
                "known-role", model("c0a8012e-known", "Made by hand", Partition.AWS_US_GOV, "us-gov-west-1",
                        List.of("rg-knowncase888888888888888888888888"), List.of("acme-gov/reports/"), List.of(), root(Partition.AWS_US_GOV))
                        .withExistingRole(role("arn:aws-us-gov:iam::111122223333:role/partners/VendorRole")));
    }

    /** A role ARN the customer submitted, as stored. */
    static RoleArn role(String arn) {
        return RoleArn.parse(arn, new AccountId("111122223333"), Partition.fromId(arn.split(":")[1]).orElseThrow()).orThrow();
    }

    static PolicyModel oneBucket() {
        return registered(model("c0a8012e-one", "Exports", Partition.AWS, "us-east-1",
                List.of("rg-onecase1111111111111111111111111"), List.of("acme-exports"), List.of(), root(Partition.AWS)));
    }

    /** The model with the registration resource of PRODUCT §12: the vendor's topic in the connection's partition and region. */
    static PolicyModel registered(PolicyModel model) {
        return model.withRegistration(new PolicyModel.Registration("arn:" + model.partition().id() + ":sns:" + model.homeRegion() + ":"
                + VENDOR_ACCOUNT + ":rolegate-registration", REGISTRATION_TOKEN));
    }

    static VendorPrincipal root(Partition partition) {
        return VendorPrincipal.resolve(partition, null, VENDOR_ACCOUNT).orThrow();
    }

    static PolicyModel model(String id, String label, Partition partition, String region, List<String> externalIds,
                             List<String> buckets, List<String> keys, VendorPrincipal vendor) {
        return new PolicyModel(id, label, partition, region, new AccountId("111122223333"), PolicyModel.suggestedRoleName(id),
                externalIds.stream().map(ExternalId::new).toList(),
                buckets.stream().map(line -> BucketGrant.parse(line).orThrow()).toList(),
                keys.stream().map(arn -> KmsKeyArn.parse(arn, partition).orThrow()).toList(),
                vendor);
    }

    static List<String> names() {
        return Arrays.asList(all().keySet().stream().sorted().toArray(String[]::new));
    }
}

package io.rolegate.aws;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The vendor identity that customers' trust policies name, per AWS partition (PRODUCT §2, §9). The {@code aws}
 * partition uses the top-level keys and the AWS SDK's default credentials; {@code aws-us-gov} and {@code aws-cn}
 * each have their own group under {@code rolegate.vendor.partitions."ID"}. Also the name customers know the vendor by.
 *
 * <p>The partition groups are named one by one rather than as a map: an environment variable cannot carry the
 * dash of a map key, so SmallRye would read {@code ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__PROFILE} as the key
 * {@code aws.us.gov}. A named property is found under that variable name (every character that is not a letter
 * or digit becomes {@code _}), so both forms reach the same group.
 */
@ConfigMapping(prefix = "rolegate.vendor")
public interface VendorConfig {

    /** The vendor AWS account; when absent it is read from GetCallerIdentity of the vendor credentials. */
    Optional<String> accountId();

    /** Trust this role or user instead of the account root. */
    Optional<String> principalArn();

    /** How pages name the vendor to its customers, e.g. in "an administrator of {name}" (setup/VendorName). */
    Optional<String> displayName();

    /** The vendor identity in AWS GovCloud (US). */
    @WithName("partitions.\"aws-us-gov\"")
    OtherPartition awsUsGov();

    /** The vendor identity in the AWS China regions. */
    @WithName("partitions.\"aws-cn\"")
    OtherPartition awsCn();

    /** The group of a partition other than {@code aws}; empty for {@code aws} and unknown partitions. */
    default Optional<OtherPartition> otherPartition(String partition) {
        return switch (partition) {
            case "aws-us-gov" -> Optional.of(awsUsGov());
            case "aws-cn" -> Optional.of(awsCn());
            default -> Optional.empty();
        };
    }

    /**
     * The vendor identity in a partition other than {@code aws}: an account (or principal) there, an AWS SDK profile
     * holding credentials of that account, and the region of the STS endpoint Rolegate calls there. Without a
     * profile, a region and an account or principal, the partition is not offered.
     */
    interface OtherPartition {

        /** The vendor's AWS account in this partition (12 digits): trust policies name its root. */
        Optional<String> accountId();

        /** Trust this role or user of the partition instead of the account root. */
        Optional<String> principalArn();

        /** The AWS SDK profile (shared credentials or config file) holding the vendor's credentials in this partition. */
        Optional<String> profile();

        /** The region of the STS endpoint every call in this partition goes to, e.g. {@code us-gov-west-1}. */
        Optional<String> region();
    }
}

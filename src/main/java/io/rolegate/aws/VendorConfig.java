package io.rolegate.aws;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The vendor identity that customers' trust policies name, and the name customers know the vendor by. */
@ConfigMapping(prefix = "rolegate.vendor")
public interface VendorConfig {

    /** The vendor AWS account; when absent it is read from GetCallerIdentity of the vendor credentials. */
    Optional<String> accountId();

    /** Trust this role or user instead of the account root. */
    Optional<String> principalArn();

    /** How pages name the vendor to its customers, e.g. in "an administrator of {name}" (setup/VendorName). */
    Optional<String> displayName();
}

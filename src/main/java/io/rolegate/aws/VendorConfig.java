package io.rolegate.aws;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The vendor identity that customers' trust policies name. */
@ConfigMapping(prefix = "rolegate.vendor")
public interface VendorConfig {

    /** The vendor AWS account; when absent it is read from GetCallerIdentity of the vendor credentials. */
    Optional<String> accountId();

    /** Trust this role or user instead of the account root. */
    Optional<String> principalArn();
}

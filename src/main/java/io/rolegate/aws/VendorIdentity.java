package io.rolegate.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Who the customers' trust policies must name: the configured vendor account, or the account of the
 * vendor credentials (GetCallerIdentity, remembered once known). Without either, no policy can be
 * rendered.
 */
@ApplicationScoped
public class VendorIdentity {

    private static final Logger LOG = Logger.getLogger(VendorIdentity.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final VendorConfig config;
    private final AwsClients clients;
    private final AwsConfig awsConfig;
    private final Clock clock;

    private volatile String discoveredAccount;
    private volatile Instant lastFailure;

    VendorIdentity(VendorConfig config, AwsClients clients, AwsConfig awsConfig, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.awsConfig = awsConfig;
        this.clock = clock;
    }

    /** The vendor AWS account customers trust, if configured or discoverable. */
    public Optional<String> accountId() {
        return config.accountId().filter(id -> !id.isBlank()).or(this::discover);
    }

    /** The configured role or user to trust instead of the account root, if any. */
    public Optional<String> principalArn() {
        return config.principalArn().filter(arn -> !arn.isBlank());
    }

    private Optional<String> discover() {
        if (discoveredAccount != null) {
            return Optional.of(discoveredAccount);
        }
        Instant failed = lastFailure;
        if (failed != null && clock.instant().isBefore(failed.plus(RETRY_AFTER))) {
            return Optional.empty();
        }
        try {
            discoveredAccount = clients.sts(awsConfig.region()).getCallerIdentity().account();
            return Optional.of(discoveredAccount);
        } catch (SdkException e) {
            lastFailure = clock.instant();
            LOG.warnf("The vendor AWS account is not configured (rolegate.vendor.account-id) and could not be read "
                    + "from the vendor credentials: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

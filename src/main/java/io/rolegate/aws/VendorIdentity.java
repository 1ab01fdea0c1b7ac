package io.rolegate.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.policy.VendorPrincipal;
import io.rolegate.web.Admission;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The vendor's identity in each AWS partition (PRODUCT §2): whom customers' trust policies name there, and with
 * which credentials and through which STS endpoint Rolegate calls AWS there. Partitions are separate worlds — an
 * account number or a credential of one means nothing in another (docs/partitions.md).
 *
 * <p>In {@code aws} the principal is the configured account, or the account of the default credentials
 * (GetCallerIdentity, remembered once known); each connection's STS calls go to its home region. In
 * {@code aws-us-gov} and {@code aws-cn} everything is configured: an account (or principal), an AWS SDK profile
 * and the STS region every call there goes to. A partition missing any of them has no identity: it is not
 * offered, and Rolegate sends nothing to AWS for its connections.
 */
@ApplicationScoped
public class VendorIdentity {

    /** The commercial partition, whose identity uses the top-level keys and the default credentials chain. */
    public static final String COMMERCIAL = "aws";

    private static final Logger LOG = Logger.getLogger(VendorIdentity.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern PRINCIPAL = Pattern.compile(
            "arn:[a-z-]+:iam::[0-9]{12}:(root|(role|user)(/|/[\\x21-\\x7E]{0,510}/)[\\w+=,.@-]{1,64})");
    private static final List<String> OTHER_PARTITIONS = List.of("aws-us-gov", "aws-cn");

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

    /** Whether Rolegate has an identity in the partition (by its ARN name, e.g. {@code aws-us-gov}). */
    public boolean offers(String partition) {
        return missingKeys(partition).isEmpty();
    }

    /**
     * The configuration keys to set, or to correct, before the partition has an identity: empty for {@code aws}
     * and for a partition configured in full. A value that cannot work (an account that is not 12 digits, a principal
     * or a region of another partition) counts as missing.
     */
    public List<String> missingKeys(String partition) {
        if (COMMERCIAL.equals(partition)) {
            return List.of();
        }
        Optional<VendorConfig.OtherPartition> other = config.otherPartition(partition);
        List<String> missing = new ArrayList<>();
        Optional<String> principalArn = principalArn(partition);
        if (principalArn.isPresent()) {
            if (!isPrincipalOf(principalArn.get().strip(), partition)) {
                missing.add(key(partition, "principal-arn"));
            }
        } else if (other.flatMap(VendorConfig.OtherPartition::accountId).map(String::strip)
                .filter(id -> ACCOUNT.matcher(id).matches()).isEmpty()) {
            missing.add(key(partition, "account-id"));
        }
        if (other.flatMap(VendorConfig.OtherPartition::profile).filter(profile -> !profile.isBlank()).isEmpty()) {
            missing.add(key(partition, "profile"));
        }
        if (other.flatMap(VendorConfig.OtherPartition::region).filter(region -> isRegionOf(region.strip(), partition)).isEmpty()) {
            missing.add(key(partition, "region"));
        }
        return missing;
    }

    /** The property that configures {@code name} (e.g. {@code profile}) of a partition other than {@code aws}. */
    public static String key(String partition, String name) {
        return "rolegate.vendor.partitions.\"" + partition + "\"." + name;
    }

    /**
     * The environment variable SmallRye Config reads for a property: every character that is not a letter or digit
     * becomes {@code _}, the rest upper case ({@code ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__PROFILE}).
     */
    public static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The vendor AWS account customers of the partition trust, if configured or discoverable. */
    public Optional<String> accountId(String partition) {
        if (COMMERCIAL.equals(partition)) {
            return config.accountId().filter(id -> !id.isBlank()).or(this::discover);
        }
        return config.otherPartition(partition).flatMap(VendorConfig.OtherPartition::accountId).map(String::strip)
                .filter(id -> !id.isEmpty());
    }

    /** The configured role or user of the partition to trust instead of the account root, if any. */
    public Optional<String> principalArn(String partition) {
        if (COMMERCIAL.equals(partition)) {
            return config.principalArn().filter(arn -> !arn.isBlank());
        }
        return config.otherPartition(partition).flatMap(VendorConfig.OtherPartition::principalArn)
                .filter(arn -> !arn.isBlank());
    }

    /**
     * The principal trust policies of the partition name (PRODUCT §4): its configured principal ARN, else the root of
     * its vendor account; invalid when neither is known.
     */
    public Parsed<VendorPrincipal> principal(Partition partition) {
        Optional<String> principalArn = principalArn(partition.id());
        return VendorPrincipal.resolve(partition, principalArn.orElse(null),
                principalArn.isPresent() ? null : accountId(partition.id()).orElse(null));
    }

    /**
     * The region of the STS endpoint Rolegate calls for a connection of the partition whose home region is
     * {@code homeRegion}: that region in {@code aws}, the configured STS region in another partition.
     */
    public String stsRegion(String partition, String homeRegion) {
        if (COMMERCIAL.equals(partition)) {
            return homeRegion;
        }
        return config.otherPartition(partition).flatMap(VendorConfig.OtherPartition::region).map(String::strip)
                .filter(region -> isRegionOf(region, partition)).orElse(homeRegion);
    }

    /** How to reach STS for a connection of the partition; empty when Rolegate has no identity there. */
    Optional<StsRoute> route(String partition, String homeRegion) {
        if (!offers(partition)) {
            return Optional.empty();
        }
        String profile = COMMERCIAL.equals(partition) ? null
                : config.otherPartition(partition).flatMap(VendorConfig.OtherPartition::profile).map(String::strip).orElseThrow();
        return Optional.of(new StsRoute(partition, stsRegion(partition, homeRegion), profile));
    }

    /** A partition configured in part gets a warning at start-up naming what is missing, since it is not offered. */
    void warnAboutPartialPartitions(@Observes StartupEvent started) {
        for (String partition : OTHER_PARTITIONS) {
            List<String> missing = missingKeys(partition);
            Optional<VendorConfig.OtherPartition> other = config.otherPartition(partition);
            boolean begun = other.flatMap(VendorConfig.OtherPartition::accountId)
                    .or(() -> other.flatMap(VendorConfig.OtherPartition::principalArn))
                    .or(() -> other.flatMap(VendorConfig.OtherPartition::profile))
                    .or(() -> other.flatMap(VendorConfig.OtherPartition::region)).isPresent();
            if (begun && !missing.isEmpty()) {
                LOG.warnf("The %s partition is not offered: set %s", partition, String.join(", ", missing));
            }
        }
    }

    /** A role or user ARN, or an account root, of the partition, as IAM accepts one for a trust policy's Principal. */
    private static boolean isPrincipalOf(String arn, String partition) {
        return arn.length() <= 2048 && arn.startsWith("arn:" + partition + ":iam::") && PRINCIPAL.matcher(arn).matches();
    }

    private static boolean isRegionOf(String region, String partition) {
        RegionMetadata metadata = region.isEmpty() ? null : Region.of(region).metadata();
        return metadata != null && metadata.partition().id().equals(partition);
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
            // Usually on a page view: the wait for AWS is outside the request's admission.
            discoveredAccount = Admission.outside(() -> clients.vendorSts(new StsRoute(COMMERCIAL, awsConfig.region(), null))
                    .getCallerIdentity().account());
            return Optional.of(discoveredAccount);
        } catch (SdkException e) {
            lastFailure = clock.instant();
            LOG.warnf("The vendor AWS account is not configured (rolegate.vendor.account-id) and could not be read "
                    + "from the vendor credentials: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

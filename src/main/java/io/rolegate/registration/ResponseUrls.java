package io.rolegate.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.rolegate.connection.Partition;

/**
 * Which {@code ResponseURL} of a custom resource request Rolegate may send its answer to (PRODUCT §12): a pre-signed
 * https URL on an S3 host of the connection's partition, or on the configured {@code rolegate.aws.s3-endpoint}
 * override (local emulators, VPC endpoints). No other URL taken from a message is ever requested.
 *
 * <p>CloudFormation's response URLs look like {@code https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/…},
 * {@code …s3-us-gov-west-1.amazonaws.com/…} or {@code …s3.cn-north-1.amazonaws.com.cn/…}.
 */
@ApplicationScoped
class ResponseUrls {

    /** A virtual-hosted or path-style S3 host: bucket labels, {@code s3}, optional FIPS, dual-stack and region labels. */
    private static final Pattern S3_HOST = Pattern.compile(
            "(?:[a-z0-9][a-z0-9.-]{0,62}\\.)?s3(?:-fips)?(?:[.-]dualstack)?(?:[.-](external-1|[a-z]{2}(?:-gov)?-[a-z]+-[0-9]))?\\.amazonaws\\.com(\\.cn)?");

    private final Optional<URI> s3Endpoint;

    ResponseUrls(@ConfigProperty(name = "rolegate.aws.s3-endpoint") Optional<URI> s3Endpoint) {
        this.s3Endpoint = s3Endpoint;
    }

    /** The URL to answer a request of a connection in {@code partition}; empty when it must never be requested. */
    Optional<URI> allowed(String responseUrl, Partition partition) {
        URI url;
        try {
            url = new URI(responseUrl);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (url.getRawUserInfo() != null || url.getHost() == null || url.getRawFragment() != null || url.getRawQuery() == null) {
            return Optional.empty();
        }
        if (s3Endpoint.isPresent() && onOverride(url, s3Endpoint.get())) {
            return Optional.of(url);
        }
        return "https".equals(url.getScheme()) && (url.getPort() == -1 || url.getPort() == 443)
                && partitionOf(url.getHost().toLowerCase()).filter(partition::equals).isPresent()
                ? Optional.of(url) : Optional.empty();
    }

    /** Whether the URL is on any S3 host Rolegate could ever answer to, whatever the connection. */
    boolean plausible(String responseUrl) {
        return Arrays.stream(Partition.values()).anyMatch(partition -> allowed(responseUrl, partition).isPresent());
    }

    /** The partition of an S3 host; empty when the host is not S3's. */
    static Optional<Partition> partitionOf(String host) {
        Matcher matcher = S3_HOST.matcher(host);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean china = matcher.group(2) != null;
        String region = matcher.group(1);
        if (region == null || region.equals("external-1")) {
            return Optional.of(china ? Partition.AWS_CN : Partition.AWS);
        }
        Optional<Partition> partition = Partition.ofRegion(region);
        return partition.filter(found -> (found == Partition.AWS_CN) == china);
    }

    private static boolean onOverride(URI url, URI endpoint) {
        return endpoint.getScheme() != null && endpoint.getScheme().equalsIgnoreCase(url.getScheme())
                && endpoint.getHost() != null && endpoint.getHost().equalsIgnoreCase(url.getHost())
                && effectivePort(endpoint) == effectivePort(url);
    }

    private static int effectivePort(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}

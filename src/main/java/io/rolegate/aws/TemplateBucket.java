package io.rolegate.aws;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The vendor's bucket where Rolegate publishes each connection's CloudFormation template for the Launch Stack button
 * (PRODUCT §12, {@code rolegate.cloudformation.template-bucket}). Uploads use the vendor's credentials of the
 * connection's partition, in the region of that partition's vendor route ({@code rolegate.aws.region} in {@code aws},
 * the configured region elsewhere): bucket names are per partition, and so is the bucket.
 */
@ApplicationScoped
public class TemplateBucket {

    /** What CloudFormation and browsers are told the published object is (the download's type too). */
    public static final String CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final CloudFormationConfig config;
    private final AwsConfig awsConfig;
    private final AwsClients clients;
    private final VendorIdentity vendor;

    TemplateBucket(CloudFormationConfig config, AwsConfig awsConfig, AwsClients clients, VendorIdentity vendor) {
        this.config = config;
        this.awsConfig = awsConfig;
        this.clients = clients;
        this.vendor = vendor;
    }

    /** Whether templates are published at all. */
    public boolean isConfigured() {
        return config.templateBucket().filter(value -> !value.isBlank()).isPresent();
    }

    /** The bucket of a partition and the key prefix (without slashes at either end), from the configured value. */
    private record Location(String bucket, String prefix) {

        static Location of(String configured, String partition) {
            String value = configured.strip().replace("{partition}", partition);
            int slash = value.indexOf('/');
            String prefix = slash < 0 ? "" : value.substring(slash + 1).replaceAll("^/+|/+$", "");
            return new Location(slash < 0 ? value : value.substring(0, slash), prefix);
        }

        String key(String objectName) {
            return prefix.isEmpty() ? objectName : prefix + "/" + objectName;
        }
    }

    /**
     * Uploads {@code yaml} as {@code objectName} under the configured prefix, replacing an earlier version, and answers
     * the object's URL. A partition without a vendor identity, or no configured bucket, sends nothing.
     */
    public AwsResult<String> put(String partition, String objectName, String yaml) {
        Optional<StsRoute> route = vendor.route(partition, awsConfig.region());
        if (route.isEmpty() || !isConfigured()) {
            return new AwsResult.Failed<>(AwsErrors.partitionUnavailable(partition));
        }
        Location location = Location.of(config.templateBucket().orElseThrow(), partition);
        S3Client s3 = clients.vendorS3(route.get());
        try {
            PutObjectResponse response = s3.putObject(request -> request.bucket(location.bucket()).key(location.key(objectName))
                    .contentType(CONTENT_TYPE), RequestBody.fromString(yaml));
            return new AwsResult.Ok<>(url(s3, location, objectName), response.responseMetadata().requestId());
        } catch (SdkException e) {
            return new AwsResult.Failed<>(AwsErrors.classify(e));
        }
    }

    /** The URL of an object published in the partition's bucket; empty without a bucket or a vendor identity there. */
    public Optional<String> url(String partition, String objectName) {
        Optional<StsRoute> route = vendor.route(partition, awsConfig.region());
        if (route.isEmpty() || !isConfigured()) {
            return Optional.empty();
        }
        return Optional.of(url(clients.vendorS3(route.get()), Location.of(config.templateBucket().orElseThrow(), partition), objectName));
    }

    private static String url(S3Client s3, Location location, String objectName) {
        return s3.utilities().getUrl(request -> request.bucket(location.bucket()).key(location.key(objectName))).toExternalForm();
    }
}

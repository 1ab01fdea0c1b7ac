package io.rolegate.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * AssumeRole into a customer's role with the vendor's credentials of the connection's partition, through that
 * partition's STS endpoint ({@link VendorIdentity#stsRegion}). A partition without a vendor identity gets
 * {@link AwsFailure.Kind#PARTITION_UNAVAILABLE} and no request is sent. The temporary credentials stay inside
 * {@link AssumedRole}: no caller ever holds them, so they cannot be stored, logged or rendered by mistake.
 *
 * <p>Every call is made within the connection's {@link ConnectionScope}: once the connection is revoked no
 * request is sent, and an answer that arrives anyway is dropped ({@link AwsFailure.Kind#REVOKED}).
 */
@ApplicationScoped
public class RoleAccess {

    private final AwsClients clients;
    private final VendorIdentity vendor;

    RoleAccess(AwsClients clients, VendorIdentity vendor) {
        this.clients = clients;
        this.vendor = vendor;
    }

    /**
     * Assumes the role of a connection in {@code partition} (e.g. {@code aws-us-gov}) whose home region is
     * {@code region}; the caller closes the returned role when done with it.
     */
    public AwsResult<AssumedRole> assume(ConnectionScope scope, String partition, String region, String roleArn,
            String externalId, String sessionName, Duration duration) {
        Optional<StsRoute> route = vendor.route(partition, region);
        if (route.isEmpty()) {
            return new AwsResult.Failed<>(AwsErrors.partitionUnavailable(partition));
        }
        AwsResult<AssumeRoleResponse> answer = call(scope, () -> clients.vendorSts(route.get())
                .assumeRole(request(scope, roleArn, externalId, sessionName, duration)));
        if (answer instanceof AwsResult.Ok<AssumeRoleResponse> ok) {
            AwsSessionCredentials credentials = AwsSessionCredentials.create(ok.value().credentials().accessKeyId(),
                    ok.value().credentials().secretAccessKey(), ok.value().credentials().sessionToken());
            return new AwsResult.Ok<>(new AssumedRole(clients, scope, credentials, route.get().region()), ok.requestId());
        }
        return new AwsResult.Failed<>(((AwsResult.Failed<AssumeRoleResponse>) answer).failure());
    }

    /** The region of the STS endpoint {@link #assume} calls for a connection of the partition whose home is {@code region}. */
    public String stsRegion(String partition, String region) {
        return vendor.stsRegion(partition, region);
    }

    /**
     * Tries an AssumeRole that must be refused (no or a wrong external ID). When AWS grants it anyway,
     * the answer is the assumed-role ARN; the credentials are dropped without ever being used.
     */
    public AwsResult<String> probe(ConnectionScope scope, String partition, String region, String roleArn,
            String externalId, String sessionName) {
        Optional<StsRoute> route = vendor.route(partition, region);
        if (route.isEmpty()) {
            return new AwsResult.Failed<>(AwsErrors.partitionUnavailable(partition));
        }
        AwsResult<AssumeRoleResponse> answer = call(scope, () -> clients.vendorSts(route.get())
                .assumeRole(request(scope, roleArn, externalId, sessionName, Duration.ofSeconds(900))));
        if (answer instanceof AwsResult.Ok<AssumeRoleResponse> ok) {
            return new AwsResult.Ok<>(ok.value().assumedRoleUser().arn(), ok.requestId());
        }
        return new AwsResult.Failed<>(((AwsResult.Failed<AssumeRoleResponse>) answer).failure());
    }

    static AssumeRoleRequest request(ConnectionScope scope, String roleArn, String externalId, String sessionName,
            Duration duration) {
        return AssumeRoleRequest.builder()
                .overrideConfiguration(within(scope).build())
                .roleArn(roleArn)
                .externalId(externalId)
                .roleSessionName(sessionName)
                .durationSeconds((int) duration.toSeconds())
                .build();
    }

    /** The override configuration that ties a request to its connection's scope. */
    static AwsRequestOverrideConfiguration.Builder within(ConnectionScope scope) {
        return AwsRequestOverrideConfiguration.builder().putExecutionAttribute(ScopedHttpClient.SCOPE, scope);
    }

    /** Makes one call of the scope; whatever AWS answered, a call that ends after a revocation counts as revoked. */
    static <R extends AwsResponse> AwsResult<R> call(ConnectionScope scope, Supplier<R> call) {
        AwsResult<R> result;
        try {
            R response = call.get();
            result = new AwsResult.Ok<>(response, response.responseMetadata().requestId());
        } catch (SdkException e) {
            result = new AwsResult.Failed<>(AwsErrors.classify(e));
        } catch (ScopedHttpClient.RevokedException e) {
            result = new AwsResult.Failed<>(AwsErrors.revoked());
        }
        return scope.isRevoked() ? new AwsResult.Failed<>(AwsErrors.revoked()) : result;
    }
}

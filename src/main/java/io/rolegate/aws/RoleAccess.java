package io.rolegate.aws;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * AssumeRole into a customer's role with the vendor's credentials, through the STS endpoint of the
 * connection's region. The temporary credentials stay inside {@link AssumedRole}: no caller ever
 * holds them, so they cannot be stored, logged or rendered by mistake.
 *
 * <p>Every call is made within the connection's {@link ConnectionScope}: once the connection is revoked no
 * request is sent, and an answer that arrives anyway is dropped ({@link AwsFailure.Kind#REVOKED}).
 */
@ApplicationScoped
public class RoleAccess {

    private final AwsClients clients;

    RoleAccess(AwsClients clients) {
        this.clients = clients;
    }

    /** Assumes the role; the caller closes the returned role when done with it. */
    public AwsResult<AssumedRole> assume(ConnectionScope scope, String region, String roleArn, String externalId,
            String sessionName, Duration duration) {
        AwsResult<AssumeRoleResponse> answer = call(scope, () -> clients.sts(region)
                .assumeRole(request(scope, roleArn, externalId, sessionName, duration)));
        if (answer instanceof AwsResult.Ok<AssumeRoleResponse> ok) {
            AwsSessionCredentials credentials = AwsSessionCredentials.create(ok.value().credentials().accessKeyId(),
                    ok.value().credentials().secretAccessKey(), ok.value().credentials().sessionToken());
            return new AwsResult.Ok<>(new AssumedRole(clients, scope, credentials, region), ok.requestId());
        }
        return new AwsResult.Failed<>(((AwsResult.Failed<AssumeRoleResponse>) answer).failure());
    }

    /**
     * Tries an AssumeRole that must be refused (no or a wrong external ID). When AWS grants it anyway,
     * the answer is the assumed-role ARN; the credentials are dropped without ever being used.
     */
    public AwsResult<String> probe(ConnectionScope scope, String region, String roleArn, String externalId,
            String sessionName) {
        AwsResult<AssumeRoleResponse> answer = call(scope, () -> clients.sts(region)
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

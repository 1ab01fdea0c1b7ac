package io.rolegate.aws;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * AssumeRole for the credential broker: the vendor's STS client of the connection's partition (its credentials
 * and STS region, as for checks: {@link RoleAccess}), and the temporary credentials returned as a plain record,
 * because the broker hands them on to the caller.
 */
@ApplicationScoped
public class RoleSessions {

    private final AwsClients clients;
    private final VendorIdentity vendor;

    RoleSessions(AwsClients clients, VendorIdentity vendor) {
        this.clients = clients;
        this.vendor = vendor;
    }

    /**
     * AssumeRole within the connection's scope (a revocation abandons it: {@link AwsFailure.Kind#REVOKED}, and
     * the credentials, if any arrived, are dropped). {@code duration}: 900 s to the role's maximum session duration.
     * A connection in a partition without a vendor identity gets {@link AwsFailure.Kind#PARTITION_UNAVAILABLE}
     * and nothing is sent to AWS.
     */
    public AwsResult<SessionCredentials> open(ConnectionScope scope, String partition, String region, String roleArn,
            String externalId, String sessionName, Duration duration) {
        Optional<StsRoute> route = vendor.route(partition, region);
        if (route.isEmpty()) {
            return new AwsResult.Failed<>(AwsErrors.partitionUnavailable(partition));
        }
        AwsResult<AssumeRoleResponse> answer = RoleAccess.call(scope, () -> clients.vendorSts(route.get()).assumeRole(
                RoleAccess.request(scope, roleArn, externalId, sessionName, duration)));
        if (answer instanceof AwsResult.Ok<AssumeRoleResponse> ok) {
            Credentials credentials = ok.value().credentials();
            return new AwsResult.Ok<>(new SessionCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials.sessionToken(), credentials.expiration()), ok.requestId());
        }
        return new AwsResult.Failed<>(((AwsResult.Failed<AssumeRoleResponse>) answer).failure());
    }
}

package io.rolegate.aws;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * A customer's role as Rolegate holds it during a check: read-only calls made with the temporary
 * credentials, which never leave this object. The calls go through the shared per-region clients,
 * which carry no credentials of their own: each request is signed with this session's, and closing
 * this object forgets them. Every request belongs to the connection's {@link ConnectionScope}: after a
 * revocation none is sent and the credentials are forgotten. The methods are safe to call from several
 * threads at once.
 */
public final class AssumedRole implements AutoCloseable {

    private final AwsClients clients;
    private final ConnectionScope scope;
    private final String stsRegion;
    private volatile AwsCredentialsProvider credentials;

    AssumedRole(AwsClients clients, ConnectionScope scope, AwsSessionCredentials credentials, String stsRegion) {
        this.clients = clients;
        this.scope = scope;
        this.credentials = StaticCredentialsProvider.create(credentials);
        this.stsRegion = stsRegion;
    }

    /** GetCallerIdentity: the ARN AWS sees for this session. */
    public AwsResult<String> callerArn() {
        AwsResult<GetCallerIdentityResponse> answer = RoleAccess.call(scope, () -> clients.sessionSts(stsRegion)
                .getCallerIdentity(GetCallerIdentityRequest.builder().overrideConfiguration(signed()).build()));
        return map(answer, GetCallerIdentityResponse::arn);
    }

    /** GetBucketLocation, asked in {@code region}; us-east-1 is reported by S3 as an empty constraint. */
    public AwsResult<String> bucketRegion(String bucket, String region) {
        AwsResult<GetBucketLocationResponse> answer = RoleAccess.call(scope, () -> s3(region)
                .getBucketLocation(GetBucketLocationRequest.builder().bucket(bucket).overrideConfiguration(signed()).build()));
        return map(answer, response -> regionOf(response.locationConstraintAsString(), region));
    }

    /** ListObjectsV2 under the prefix, at most {@code maxKeys} entries. */
    public AwsResult<List<StoredObject>> list(String bucket, String prefix, String region, int maxKeys) {
        AwsResult<ListObjectsV2Response> answer = RoleAccess.call(scope, () -> s3(region).listObjectsV2(ListObjectsV2Request
                .builder().bucket(bucket).prefix(prefix).maxKeys(maxKeys).overrideConfiguration(signed()).build()));
        return map(answer, response -> response.contents().stream()
                .map(object -> new StoredObject(object.key(), object.size() == null ? 0 : object.size()))
                .toList());
    }

    /**
     * GetObject of the first byte; the byte itself is discarded. A 416 InvalidRange also proves read
     * access (S3 authorises, and decrypts with KMS, before it looks at the range): it answers Ok too.
     */
    public AwsResult<String> readFirstByte(String bucket, String key, String region) {
        AwsResult<String> result;
        try {
            ResponseBytes<GetObjectResponse> bytes = s3(region).getObject(GetObjectRequest.builder()
                    .bucket(bucket).key(key).range("bytes=0-0").overrideConfiguration(signed()).build(),
                    ResponseTransformer.toBytes());
            result = new AwsResult.Ok<>(key, bytes.response().responseMetadata().requestId());
        } catch (SdkException e) {
            AwsFailure failure = AwsErrors.classify(e);
            result = failure.httpStatus() == 416 ? new AwsResult.Ok<>(key, failure.requestId())
                    : new AwsResult.Failed<>(failure);
        } catch (ScopedHttpClient.RevokedException e) {
            result = new AwsResult.Failed<>(AwsErrors.revoked());
        }
        return scope.isRevoked() ? new AwsResult.Failed<>(AwsErrors.revoked()) : result;
    }

    /**
     * HeadObject: the ARN of the KMS key an SSE-KMS object is encrypted with, empty for other encryption. It
     * reads metadata only, so S3 asks KMS nothing: it answers when only decrypting was refused, and names the
     * key S3's refusal may leave unnamed (docs/aws-answers.md).
     */
    public AwsResult<Optional<String>> encryptionKey(String bucket, String key, String region) {
        AwsResult<HeadObjectResponse> answer = RoleAccess.call(scope, () -> s3(region).headObject(HeadObjectRequest.builder()
                .bucket(bucket).key(key).overrideConfiguration(signed()).build()));
        return map(answer, response -> "aws:kms".equals(response.serverSideEncryptionAsString())
                || "aws:kms:dsse".equals(response.serverSideEncryptionAsString())
                        ? Optional.ofNullable(response.ssekmsKeyId()) : Optional.empty());
    }

    @Override
    public void close() {
        credentials = null;
    }

    private S3Client s3(String region) {
        return clients.sessionS3(region);
    }

    /**
     * This session's credentials and the connection's scope on one request; after {@link #close()} or a
     * revocation no request can be made.
     */
    private AwsRequestOverrideConfiguration signed() {
        AwsCredentialsProvider current = credentials;
        if (current == null) {
            throw new IllegalStateException("The assumed role was closed");
        }
        return RoleAccess.within(scope).credentialsProvider(current).build();
    }

    /**
     * The region of a LocationConstraint S3 answered in {@code askedRegion}. The empty constraint means us-east-1,
     * a region of {@code aws} only: in another partition it is read as the region asked, so that the session's
     * credentials are never sent to a partition where they do not exist.
     */
    static String regionOf(String locationConstraint, String askedRegion) {
        if (locationConstraint == null || locationConstraint.isEmpty() || "null".equals(locationConstraint)) {
            RegionMetadata asked = Region.of(askedRegion).metadata();
            return asked == null || "aws".equals(asked.partition().id()) ? "us-east-1" : askedRegion;
        }
        return "EU".equals(locationConstraint) ? "eu-west-1" : locationConstraint;
    }

    private static <R, T> AwsResult<T> map(AwsResult<R> answer, Function<R, T> mapper) {
        if (answer instanceof AwsResult.Ok<R> ok) {
            return new AwsResult.Ok<>(mapper.apply(ok.value()), ok.requestId());
        }
        return new AwsResult.Failed<>(((AwsResult.Failed<R>) answer).failure());
    }
}

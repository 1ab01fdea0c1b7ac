package io.rolegate.aws.fake;

import static io.rolegate.aws.fake.PolicyDocuments.EXTERNAL_ID;
import static io.rolegate.aws.fake.PolicyDocuments.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Hangs and latency: the timing faults, each bounded so a test can never wait on them for long. */
class FakeAwsFaultsTest {

    private FakeAws aws;
    private StsClient sts;

    @BeforeEach
    void start() {
        aws = FakeAws.start();
        aws.role(ROLE_ARN, PolicyDocuments.read("trust-external-id"), PolicyDocuments.read("permissions-read-reports"));
        sts = StsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(aws.vendorCredentials()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(SdkClients.quickRetries())
                        .apiCallTimeout(Duration.ofMillis(600)))
                .build();
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
    }

    @Test
    void aHungStsTimesTheClientOutUntilReleased() {
        aws.hang(FakeAws.Service.STS, Duration.ofSeconds(30));

        long started = System.nanoTime();
        SdkClientException timedOut = assertThrows(SdkClientException.class, sts::getCallerIdentity);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        aws.releaseHangs();

        assertTrue(timedOut instanceof ApiCallTimeoutException || timedOut instanceof ApiCallAttemptTimeoutException,
                timedOut.toString());
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "the client's timeout, not the hang, ended it: " + waited);
        assertEquals(FakeAws.VENDOR_USER_ARN, sts.getCallerIdentity().arn());
    }

    @Test
    void aHangOnS3LeavesStsAlone() {
        aws.hang(FakeAws.Service.S3, Duration.ofSeconds(30));

        assertEquals(ROLE_ARN.replace("iam", "sts").replace("role", "assumed-role") + "/s1",
                sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("s1").externalId(EXTERNAL_ID))
                        .assumedRoleUser().arn());
    }

    @Test
    void latencyDelaysEveryCallButStaysWithinTheClientTimeout() {
        aws.latency(Duration.ofMillis(150));

        long started = System.nanoTime();
        sts.getCallerIdentity();
        sts.getCallerIdentity();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, "two calls at 150 ms each took " + took);
        assertEquals(List.of(200, 200), aws.calls().stream().map(AwsCall::status).toList());
    }

    @Test
    void clearFaultsRestoresNormalAnswers() {
        aws.invalidVendorCredentials();
        aws.throttle(FakeAws.Service.STS, 5);
        aws.disableStsRegion("us-east-1");
        aws.propagationDelayAttempts(ROLE_ARN, 3);

        aws.clearFaults();

        sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("s1").externalId(EXTERNAL_ID));
        assertEquals(1, aws.calls().size());
    }
}

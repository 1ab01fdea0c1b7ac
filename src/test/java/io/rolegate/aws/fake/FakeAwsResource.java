package io.rolegate.aws.fake;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link FakeAws} for a {@code @QuarkusTest} and points Rolegate at it: both endpoint overrides, the
 * region, and the vendor credentials as the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties
 * that the SDK's default provider chain reads first. Tests get the fake through an {@link InjectFakeAws} field.
 */
public class FakeAwsResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";

    private FakeAws fakeAws;

    @Override
    public Map<String, String> start() {
        fakeAws = FakeAws.start();
        System.setProperty(ACCESS_KEY_PROPERTY, fakeAws.vendorCredentials().accessKeyId());
        System.setProperty(SECRET_KEY_PROPERTY, fakeAws.vendorCredentials().secretAccessKey());
        String endpoint = fakeAws.endpoint().toString();
        return Map.of(
                "rolegate.aws.sts-endpoint", endpoint,
                "rolegate.aws.s3-endpoint", endpoint,
                "rolegate.aws.region", "us-east-1");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fakeAws, new TestInjector.AnnotatedAndMatchesType(InjectFakeAws.class, FakeAws.class));
    }

    @Override
    public void stop() {
        System.clearProperty(ACCESS_KEY_PROPERTY);
        System.clearProperty(SECRET_KEY_PROPERTY);
        if (fakeAws != null) {
            fakeAws.close();
        }
    }
}

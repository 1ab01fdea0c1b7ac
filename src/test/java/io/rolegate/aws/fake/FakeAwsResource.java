package io.rolegate.aws.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Starts a {@link FakeAws} for a {@code @QuarkusTest} and points Rolegate at it: both endpoint overrides, the
 * region, and the vendor credentials as the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties
 * that the SDK's default provider chain reads first. The vendor's credentials in the other partitions are written
 * to a shared credentials file under {@code target/} as the profiles {@link #GOV_PROFILE} and {@link #CN_PROFILE},
 * which the SDK reads through the {@code aws.sharedCredentialsFile} system property; a test profile that configures
 * those partitions ({@code rolegate.vendor.partitions."aws-us-gov".profile} …) names them.
 * Tests get the fake through an {@link InjectFakeAws} field:
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(FakeAwsResource.class)
 * class CheckTest {
 *     @InjectFakeAws
 *     FakeAws aws;
 *
 *     @BeforeEach
 *     void reset() {
 *         aws.clearFaults();
 *         aws.clearCalls();
 *     }
 * }
 * }</pre>
 *
 * <p>With the init argument {@link #ONBOARDING} = {@code true}
 * ({@code @WithTestResource(value = FakeAwsResource.class, initArgs = @ResourceArg(name = FakeAwsResource.ONBOARDING,
 * value = "true"))}) the fake also holds the vendor's one-click onboarding set-up and Rolegate is configured for it:
 * the template bucket {@link #TEMPLATE_BUCKET} (public-read, {@code us-east-1}), the queue {@link #REGISTRATION_QUEUE}
 * subscribed to the topic {@link #REGISTRATION_TOPIC} in every commercial region, and the
 * {@code rolegate.cloudformation.*} properties naming them.
 */
public class FakeAwsResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument that adds the onboarding set-up. */
    public static final String ONBOARDING = "onboarding";
    /** The vendor's bucket for published templates. */
    public static final String TEMPLATE_BUCKET = "rolegate-templates";
    /** The name of the vendor's registration queue (its URL: {@link FakeAws#queue(String)}). */
    public static final String REGISTRATION_QUEUE = "rolegate-registration";
    /** The registration topic's name, the same in every region of the vendor's account. */
    public static final String REGISTRATION_TOPIC = "rolegate-registration";

    static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";
    static final String CREDENTIALS_FILE_PROPERTY = "aws.sharedCredentialsFile";
    /** The AWS SDK profile holding the vendor's GovCloud credentials. */
    public static final String GOV_PROFILE = "rolegate-gov";
    /** The AWS SDK profile holding the vendor's China credentials. */
    public static final String CN_PROFILE = "rolegate-cn";
    private static final Path CREDENTIALS_FILE = Path.of("target", "fake-aws", "credentials");

    private FakeAws fakeAws;
    private boolean onboarding;

    @Override
    public void init(Map<String, String> initArgs) {
        onboarding = Boolean.parseBoolean(initArgs.get(ONBOARDING));
    }

    @Override
    public Map<String, String> start() {
        fakeAws = FakeAws.start();
        System.setProperty(ACCESS_KEY_PROPERTY, fakeAws.vendorCredentials().accessKeyId());
        System.setProperty(SECRET_KEY_PROPERTY, fakeAws.vendorCredentials().secretAccessKey());
        writeCredentialsFile();
        System.setProperty(CREDENTIALS_FILE_PROPERTY, CREDENTIALS_FILE.toAbsolutePath().toString());
        String endpoint = fakeAws.endpoint().toString();
        Map<String, String> config = new HashMap<>(Map.of(
                "rolegate.aws.sts-endpoint", endpoint,
                "rolegate.aws.s3-endpoint", endpoint,
                "rolegate.aws.region", "us-east-1"));
        if (onboarding) {
            config.putAll(onboardingSetUp(fakeAws));
        }
        return config;
    }

    /** Creates the vendor's onboarding set-up in the fake and returns the Rolegate properties that name it. */
    public static Map<String, String> onboardingSetUp(FakeAws aws) {
        aws.templateBucket(TEMPLATE_BUCKET, "us-east-1");
        String queueUrl = aws.queue(REGISTRATION_QUEUE);
        aws.subscribe("arn:aws:sns:*:" + aws.vendorAccountId() + ":" + REGISTRATION_TOPIC, queueUrl);
        return Map.of(
                "rolegate.cloudformation.template-bucket", TEMPLATE_BUCKET,
                "rolegate.cloudformation.registration-topic",
                "arn:{partition}:sns:{region}:" + aws.vendorAccountId() + ":" + REGISTRATION_TOPIC,
                "rolegate.cloudformation.registration-queue-url", queueUrl);
    }

    private void writeCredentialsFile() {
        StringBuilder file = new StringBuilder();
        for (String[] profile : new String[][] { { GOV_PROFILE, "aws-us-gov" }, { CN_PROFILE, "aws-cn" } }) {
            AwsBasicCredentials credentials = fakeAws.vendorCredentials(profile[1]);
            file.append('[').append(profile[0]).append("]\n")
                    .append("aws_access_key_id = ").append(credentials.accessKeyId()).append('\n')
                    .append("aws_secret_access_key = ").append(credentials.secretAccessKey()).append("\n\n");
        }
        try {
            Files.createDirectories(CREDENTIALS_FILE.getParent());
            Files.writeString(CREDENTIALS_FILE, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fakeAws, new TestInjector.AnnotatedAndMatchesType(InjectFakeAws.class, FakeAws.class));
    }

    @Override
    public void stop() {
        System.clearProperty(ACCESS_KEY_PROPERTY);
        System.clearProperty(SECRET_KEY_PROPERTY);
        System.clearProperty(CREDENTIALS_FILE_PROPERTY);
        if (fakeAws != null) {
            fakeAws.close();
        }
    }
}

package io.rolegate.registration;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rolegate.aws.fake.FakeAws;
import io.rolegate.aws.fake.FakeAwsResource;

/**
 * The stand-in AWS of {@link FakeAwsResource}, set up as a vendor sets up one-click onboarding (docs/onboarding.md):
 * the template bucket, one registration topic per region tests launch stacks in, and the queue subscribed to them,
 * which Rolegate polls with two threads (two pollers, as two instances would).
 */
public class OnboardingAws implements QuarkusTestResourceLifecycleManager {

    static final String TEMPLATE_BUCKET = "rolegate-templates";
    static final String TOPIC = "rolegate-registration";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    private final FakeAwsResource fake = new FakeAwsResource();
    private FakeAws aws;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(fake.start());
        fake.inject(new TestInjector() {
            @Override
            public void injectIntoFields(Object fieldValue, Predicate<Field> predicate) {
                aws = (FakeAws) fieldValue;
            }
        });
        aws.templateBucket(TEMPLATE_BUCKET, "us-east-1");
        String queue = aws.queue("rolegate-registrations");
        REGIONS.forEach(region -> aws.subscribe("arn:aws:sns:" + region + ":" + aws.vendorAccountId() + ":" + TOPIC, queue));
        config.put("rolegate.cloudformation.template-bucket", TEMPLATE_BUCKET + "/connections");
        config.put("rolegate.cloudformation.registration-topic", "arn:{partition}:sns:{region}:" + aws.vendorAccountId() + ":" + TOPIC);
        config.put("rolegate.cloudformation.registration-queue-url", queue);
        config.put("rolegate.cloudformation.registration-workers", "2");
        config.put("rolegate.cloudformation.registration-delete-check-delay", "1s");
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        fake.inject(testInjector);
    }

    @Override
    public void stop() {
        fake.stop();
    }
}

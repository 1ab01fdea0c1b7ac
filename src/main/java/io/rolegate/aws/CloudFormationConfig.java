package io.rolegate.aws;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * One-click onboarding (PRODUCT §12, docs/onboarding.md): where Rolegate publishes each connection's CloudFormation
 * template, the SNS topic its registration resource notifies, and the SQS queue subscribed to those topics.
 */
@ConfigMapping(prefix = "rolegate.cloudformation")
public interface CloudFormationConfig {

    /**
     * The vendor's bucket, with an optional key prefix ({@code rolegate-templates/connections}), in the region of the
     * partition's vendor STS route; {@code {partition}} in the value is replaced by the partition's ID. Unset: no
     * template is published and no Launch Stack button is shown.
     */
    Optional<String> templateBucket();

    /**
     * The SNS topic ARN pattern of the registration resource, with {@code {partition}} and {@code {region}}
     * placeholders ({@code arn:{partition}:sns:{region}:111122223333:rolegate-registration}). Unset: the template
     * has no registration resource.
     */
    Optional<String> registrationTopic();

    /** The SQS queue subscribed to the registration topics, polled by every instance; unset: nothing is polled. */
    Optional<String> registrationQueueUrl();

    /** How long one ReceiveMessage waits for a message (SQS long polling: 0–20 s). */
    @WithDefault("20s")
    Duration registrationWaitTime();

    /** How long a received message stays invisible to other instances while this one handles it. */
    @WithDefault("60s")
    Duration registrationVisibilityTimeout();

    /** Threads polling the queue on each instance. */
    @WithDefault("1")
    int registrationWorkers();

    /**
     * How long after answering a stack's Delete its check starts: CloudFormation deletes the role only after the
     * registration resource, once it has the answer, so a check at once would still find the role.
     */
    @WithDefault("30s")
    Duration registrationDeleteCheckDelay();

    /** Uploads of one template version before Rolegate stops retrying it (until the template changes again). */
    @WithDefault("8")
    int templateUploadAttempts();
}

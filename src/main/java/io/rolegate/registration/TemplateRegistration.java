package io.rolegate.registration;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.rolegate.aws.CloudFormationConfig;
import io.rolegate.aws.RegistrationQueue;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.RegistrationTokens;
import io.rolegate.policy.PolicyModel;

/**
 * The registration resource a connection's template carries (PRODUCT §12): only when registration is configured
 * (a topic and a queue), and only for connections in the queue's partition, since SNS delivers a topic's messages
 * only to queues of its own partition (docs/onboarding.md).
 */
@ApplicationScoped
public class TemplateRegistration {

    private static final Logger LOG = Logger.getLogger(TemplateRegistration.class);

    private final CloudFormationConfig config;
    private final RegistrationQueue queue;
    private final RegistrationTokens tokens;

    TemplateRegistration(CloudFormationConfig config, RegistrationQueue queue, RegistrationTokens tokens) {
        this.config = config;
        this.queue = queue;
        this.tokens = tokens;
    }

    /**
     * The resource of a connection in {@code partition} whose stack runs in {@code region}, with the token of its
     * current external ID; empty when registration is not configured for it.
     */
    public Optional<PolicyModel.Registration> of(String partition, String region, IssuedExternalId current) {
        Optional<String> topic = config.registrationTopic().filter(value -> !value.isBlank());
        if (topic.isEmpty() || queue.queueUrl().isEmpty() || !queue.partition().equals(partition)) {
            return Optional.empty();
        }
        String serviceToken = topic.get().strip().replace("{partition}", partition).replace("{region}", region);
        try {
            return Optional.of(new PolicyModel.Registration(serviceToken, tokens.of(current.registrationSalt)));
        } catch (IllegalArgumentException e) {
            LOG.warnf("rolegate.cloudformation.registration-topic does not give an SNS topic ARN of %s in %s: %s", partition,
                    region, serviceToken);
            return Optional.empty();
        }
    }
}

package io.rolegate.registration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rolegate.aws.AwsResult;
import io.rolegate.aws.CloudFormationConfig;
import io.rolegate.aws.RegistrationQueue;
import io.rolegate.connection.ConnectionService;
import io.rolegate.verification.CheckService;
import io.rolegate.verification.CheckTrigger;

/**
 * Polls the registration queue in the background (PRODUCT §12) on {@code registration-workers} threads of every
 * instance, and handles each message: an SNS notification carrying a CloudFormation custom resource request.
 *
 * <p>Several pollers, on one instance or many, are safe: SQS hides a received message from the others for the
 * visibility timeout, and a duplicate delivery finds its {@code RequestId} recorded ({@link Registrations}) and starts
 * nothing. A Create or Update starts its check at once; a Delete's check starts {@code
 * registration-delete-check-delay} after the answer, once CloudFormation has deleted the role. A message is deleted once answered, or once dropped: one that cannot be answered (not JSON, not a custom
 * resource request) or whose {@code ResponseURL} Rolegate may not request. Every message is counted in
 * {@code rolegate.registrations} by result. A message whose answer could not be sent is retried after a short
 * delay, one whose handling failed when its visibility timeout ends; either is dropped after {@link #MAX_RECEIVES} receipts. Nothing a message holds stops a
 * poller; shutdown stops them at once, aborting the poll in flight.
 */
@ApplicationScoped
public class RegistrationWorker {

    /** Receipts of one message before it is dropped: its handling keeps failing (e.g. S3 refuses the answer). */
    static final int MAX_RECEIVES = 5;

    private static final Logger LOG = Logger.getLogger(RegistrationWorker.class);
    private static final Duration RETRY_DELAY = Registrations.ANSWER_GRACE;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RegistrationQueue queue;
    private final Registrations registrations;
    private final ResponseSender sender;
    private final CheckService checks;
    private final CloudFormationConfig config;
    private final Event<RegistrationRejected> rejections;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    /** Counted down at shutdown: pollers stop, and a poller waiting after a failure wakes at once. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> pollers = new ArrayList<>();
    private final ScheduledExecutorService delayedChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rolegate-registration-checks");
        thread.setDaemon(true);
        return thread;
    });

    RegistrationWorker(RegistrationQueue queue, Registrations registrations, ResponseSender sender, CheckService checks,
            CloudFormationConfig config, Event<RegistrationRejected> rejections, MeterRegistry metrics, ObjectMapper json) {
        this.queue = queue;
        this.registrations = registrations;
        this.sender = sender;
        this.checks = checks;
        this.config = config;
        this.rejections = rejections;
        this.metrics = metrics;
        this.json = json;
    }

    /** Whether registration is configured: a topic for the template, and a queue to poll. */
    public boolean isConfigured() {
        return config.registrationTopic().filter(topic -> !topic.isBlank()).isPresent() && queue.queueUrl().isPresent();
    }

    void start(@Observes StartupEvent started) {
        if (!isConfigured()) {
            return;
        }
        for (int i = 0; i < Math.max(1, config.registrationWorkers()); i++) {
            Thread poller = new Thread(this::poll, "rolegate-registration-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
        LOG.infof("Polling the registration queue %s with %d thread(s)", queue.queueUrl().orElseThrow(), pollers.size());
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped.countDown();
        queue.stop();
        pollers.forEach(Thread::interrupt);
        delayedChecks.shutdownNow();
    }

    private void poll() {
        Duration backoff = Duration.ofSeconds(1);
        while (stopped.getCount() > 0) {
            AwsResult<List<RegistrationQueue.QueueMessage>> received = queue.receive(10, config.registrationWaitTime(),
                    config.registrationVisibilityTimeout());
            if (received instanceof AwsResult.Failed<List<RegistrationQueue.QueueMessage>> failed) {
                LOG.warnf("Could not read the registration queue: %s %s", failed.failure().kind(), failed.failure().detail());
                metrics.counter("rolegate.registrations.poll-failures").increment();
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            backoff = Duration.ofSeconds(1);
            for (RegistrationQueue.QueueMessage message : ((AwsResult.Ok<List<RegistrationQueue.QueueMessage>>) received).value()) {
                try {
                    handle(message);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not handle registration message %s", message.messageId());
                    count("error");
                    if (message.receiveCount() >= MAX_RECEIVES) {
                        drop(message, "unanswered");
                    }
                }
            }
        }
    }

    /** Handles one message as received from the queue: answered and deleted, dropped and deleted, or left for a retry. */
    void handle(RegistrationQueue.QueueMessage message) {
        Optional<CustomResourceRequest> request = CustomResourceRequest.fromNotification(message.body(), json);
        if (request.isEmpty()) {
            LOG.warnf("Dropped registration message %s: not a custom resource request", message.messageId());
            drop(message, "malformed");
            return;
        }
        Registrations.Handled handled = registrations.handle(request.get());
        if (handled instanceof Registrations.Handled.Duplicate) {
            drop(message, "duplicate");
        } else if (handled instanceof Registrations.Handled.InProgress) {
            queue.retryLater(message.receiptHandle(), RETRY_DELAY);
            count("in-progress");
        } else if (handled instanceof Registrations.Handled.ResponseUrlRefused refused) {
            LOG.warnf("Dropped registration message %s: its ResponseURL is not an S3 URL Rolegate may request", message.messageId());
            drop(message, "response-url-refused");
            refused.rejected().ifPresent(rejections::fire);
        } else if (handled instanceof Registrations.Handled.Answer answer) {
            boolean delete = request.get().requestType() == CustomResourceRequest.RequestType.Delete;
            if (!delete) {
                answer.checkConnection().ifPresent(connectionId -> check(connectionId, request.get().stackName()));
            }
            if (sender.put(answer.url(), answer.response())) {
                if (delete) {
                    answer.checkConnection().ifPresent(connectionId -> delayedChecks.schedule(
                            () -> check(connectionId, request.get().stackName()),
                            config.registrationDeleteCheckDelay().toMillis(), TimeUnit.MILLISECONDS));
                }
                registrations.answered(request.get().requestId());
                queue.delete(message.receiptHandle());
                count(answer.result());
            } else if (message.receiveCount() >= MAX_RECEIVES) {
                LOG.warnf("Dropped registration message %s: its answer could not be sent %d times", message.messageId(),
                        message.receiveCount());
                drop(message, "unanswered");
            } else {
                queue.retryLater(message.receiptHandle(), RETRY_DELAY);
                count("answer-failed");
            }
            answer.rejected().ifPresent(rejections::fire);
        }
    }

    private void check(UUID connectionId, String stackName) {
        try {
            checks.start(connectionId, CheckTrigger.STACK, ConnectionService.stack(stackName));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not start the check of connection %s after its stack's registration", connectionId);
        }
    }

    private void drop(RegistrationQueue.QueueMessage message, String result) {
        queue.delete(message.receiptHandle());
        count(result);
    }

    private void count(String result) {
        metrics.counter("rolegate.registrations", "result", result).increment();
    }

    /** Waits before the next poll after a failure; false when shutdown ended the wait. */
    private boolean pause(Duration delay) {
        try {
            return !stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

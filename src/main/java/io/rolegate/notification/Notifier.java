package io.rolegate.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.rolegate.account.InviteService;
import io.rolegate.connection.ConnectionNotice;
import io.rolegate.registration.RegistrationRejected;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends the e-mail of PRODUCT §14 when {@code rolegate.mail.from} is set (docs/notifications.md): invite links to
 * invitees; FAILING, INSECURE and revoked connections to the organisation's customers; insecure roles and rejected
 * registrations to {@code rolegate.notifications.staff-address}.
 *
 * <p>Notices arrive as events after their transaction committed and are handed to one mail thread, so a check never
 * waits for the database or SMTP on their account and never fails because of them. The thread queues rows in the
 * {@link Outbox} (where the quiet period is decided, across instances) and sends what is due; a failed attempt is
 * counted ({@code rolegate.mail.failures}) and retried with a growing delay by {@link #retry()}, at most
 * {@value #MAX_ATTEMPTS} times. Logs name the row and the error's type, never an address or a link.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    /** Attempts before a row is given up: retried after 1, 2, 4 … minutes (at most an hour), about 2 hours in all. */
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** How long a claimed row is left to its sender before another instance may try it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** Rows one round sends at most, so a long backlog never holds the mail thread for good. */
    private static final int ROUND = 200;

    private final Outbox outbox;
    private final MailTexts texts;
    private final ReactiveMailer mailer;
    /** The one event loop every SMTP conversation runs on (see {@link #send}). */
    private final Context smtpLoop;
    private final Duration sendTimeout;
    private final NotificationConfig config;
    private final Optional<String> from;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ExecutorService mailThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "rolegate-mail");
                thread.setDaemon(true);
                return thread;
            });

    Notifier(Outbox outbox, MailTexts texts, ReactiveMailer mailer, Vertx vertx, NotificationConfig config,
            @ConfigProperty(name = "rolegate.mail.from") Optional<String> from,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration sendTimeout,
            MeterRegistry metrics, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.mailer = mailer;
        // Created from the mail thread, outside Vert.x: a fresh event-loop context, never a request's.
        this.smtpLoop = CompletableFuture.supplyAsync(vertx::getOrCreateContext, mailThread).join();
        this.sendTimeout = sendTimeout;
        this.config = config;
        this.from = from.filter(value -> !value.isBlank());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether e-mail is configured at all; without it nothing is queued or sent. */
    public boolean enabled() {
        return from.isPresent();
    }

    void connectionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionNotice notice) {
        queue(MailKind.of(notice.kind()), notice.connectionId(), notice.reason());
    }

    void inviteIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) InviteService.InviteIssued issued) {
        if (enabled()) {
            hand(() -> outbox.invite(issued.inviteId(), clock.instant()));
        }
    }

    /** The registration worker refused a CloudFormation stack's message (docs/onboarding.md). */
    void registrationRefused(@Observes RegistrationRejected rejected) {
        registrationRejected(rejected.connectionId(), rejected.reason());
    }

    /**
     * Tells the staff address that a registration message was rejected, with the reason (no secret may be in it);
     * {@code connectionId} null when the message named none (all such rejections then share one quiet period).
     */
    public void registrationRejected(UUID connectionId, String reason) {
        queue(MailKind.REGISTRATION_REJECTED, connectionId == null ? new UUID(0, 0) : connectionId, reason);
    }

    /** Sends what is due now, e.g. attempts that failed earlier; every minute, on one instance at a time per row. */
    @Scheduled(every = "${rolegate.mail.retry-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (enabled()) {
            deliverDue();
        }
    }

    /** Sends every due row this instance can claim; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        for (int i = 0; i < ROUND; i++) {
            Optional<Outbox.Pending> next = outbox.claim(clock.instant(), LEASE);
            if (next.isEmpty()) {
                break;
            }
            if (deliver(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    private void queue(MailKind kind, UUID connectionId, String reason) {
        if (!enabled()) {
            return;
        }
        Optional<Outbox.Recipient> staff = config.staffAddress().filter(address -> !address.isBlank())
                .map(address -> new Outbox.Recipient(address, config.staffLanguage(), Outbox.Audience.STAFF));
        hand(() -> {
            if (outbox.notice(kind, connectionId, reason, staff, clock.instant(), config.quietPeriod()) == 0) {
                metrics.counter("rolegate.mail.quiet", "kind", kind.name()).increment();
            }
        });
    }

    /** Runs {@code queueing} and then sends what is due, on the mail thread; the caller never waits. */
    private void hand(Runnable queueing) {
        try {
            mailThread.execute(() -> {
                try {
                    queueing.run();
                    deliverDue();
                } catch (RuntimeException e) {
                    LOG.warnf("Could not queue or send e-mail: %s", e.getClass().getName());
                    metrics.counter("rolegate.mail.errors").increment();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("The e-mail queue is full: a notice was dropped");
            metrics.counter("rolegate.mail.dropped").increment();
        }
    }

    private boolean deliver(Outbox.Pending pending) {
        Optional<MailTexts.Letter> letter = texts.write(pending);
        if (letter.isEmpty()) {
            outbox.done(pending.id());
            metrics.counter("rolegate.mail.obsolete", "kind", pending.kind().name()).increment();
            return false;
        }
        try {
            send(Mail.withText(pending.recipient(), letter.get().subject(), letter.get().text())
                    .setFrom(from.orElseThrow()));
        } catch (RuntimeException e) {
            failed(pending, e);
            return false;
        }
        outbox.done(pending.id());
        metrics.counter("rolegate.mail.sent", "kind", pending.kind().name()).increment();
        return true;
    }

    /**
     * Sends one e-mail and waits for the SMTP server to accept it, at most {@code quarkus.mailer.timeout} (60 s);
     * throws when it refuses, fails or times out.
     *
     * <p>The conversation starts on {@link #smtpLoop}, one Vert.x event loop for all of them. The Vert.x mail client
     * listens to a new connection only once its pool has handed the connection over; started from any other thread,
     * that hand-over can cross to another event loop while the socket's own loop already reads the server's greeting
     * and, with no listener yet, drops it. The client then waits for a greeting already gone until the server gives
     * up (GreenMail after 30 s, Postfix's {@code smtpd_timeout} after 300 s), and the e-mail fails. Run on one event
     * loop, the connection, its pool and its listener are set up in one go, before the first read.
     */
    private void send(Mail mail) {
        mailer.send(mail)
                .runSubscriptionOn(start -> smtpLoop.runOnContext(ignored -> start.run()))
                .await().atMost(sendTimeout);
    }

    private void failed(Outbox.Pending pending, RuntimeException e) {
        int attempts = pending.attempts() + 1;
        metrics.counter("rolegate.mail.failures", "kind", pending.kind().name()).increment();
        Instant now = clock.instant();
        if (attempts >= MAX_ATTEMPTS) {
            outbox.failed(pending.id(), attempts, null, now);
            metrics.counter("rolegate.mail.abandoned", "kind", pending.kind().name()).increment();
            LOG.errorf("E-mail %s (%s) given up after %d attempts: %s", pending.id(), pending.kind(), attempts,
                    cause(e));
            return;
        }
        Duration doubled = FIRST_RETRY.multipliedBy(1L << (attempts - 1));
        Duration delay = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        outbox.failed(pending.id(), attempts, now.plus(delay), now);
        LOG.warnf("E-mail %s (%s) not sent, attempt %d of %d, retried in %s: %s", pending.id(), pending.kind(),
                attempts, MAX_ATTEMPTS, delay, cause(e));
    }

    /** The type of the innermost cause: SMTP errors' messages may quote addresses, so only the type is logged. */
    private static String cause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName();
    }

    @PreDestroy
    void stop() {
        mailThread.shutdownNow();
    }
}

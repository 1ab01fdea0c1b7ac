package io.rolegate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.rolegate.aws.AssumedRole;
import io.rolegate.aws.AwsFailure;
import io.rolegate.aws.AwsResult;
import io.rolegate.aws.ConnectionScope;
import io.rolegate.aws.RoleAccess;
import io.rolegate.aws.StoredObject;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.FieldError;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;

/**
 * One execution of the steps of PRODUCT §5. Steps 1 and 2 run in order on the calling thread;
 * once the role is assumed, the negative probes, the identity check and the buckets run concurrently
 * on {@code steps}. Everything ends by {@code deadline}: what is still running then is recorded as
 * timed out and the check is inconclusive.
 *
 * <p>Every AWS call is made within the connection's {@link ConnectionScope}. A revocation on this instance
 * trips it — calls in flight are abandoned and none is sent after — and one on another instance is seen in
 * the database before every AssumeRole ({@code revoked}); either way the steps end as stopped by the
 * revocation and the check is never PASSED or FAILED.
 */
final class CheckRun {

    private static final Logger LOG = Logger.getLogger(CheckRun.class);
    private static final Duration SESSION_DURATION = Duration.ofSeconds(900);

    private final CheckPlan plan;
    private final RoleAccess aws;
    private final ConnectionScope scope;
    private final StepLog log;
    private final CheckConfig config;
    private final Clock clock;
    private final ExecutorService steps;
    private final BooleanSupplier revoked;
    private final Instant deadline;
    private final AtomicReference<CheckOutcome> outcome = new AtomicReference<>(CheckOutcome.PASSED);
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile boolean usedPreviousExternalId;

    CheckRun(CheckPlan plan, RoleAccess aws, ConnectionScope scope, StepLog log, CheckConfig config, Clock clock,
            ExecutorService steps, BooleanSupplier revoked) {
        this.plan = plan;
        this.aws = aws;
        this.scope = scope;
        this.log = log;
        this.config = config;
        this.clock = clock;
        this.steps = steps;
        this.revoked = revoked;
        this.deadline = plan.startedAt().plus(config.deadline());
    }

    CheckOutcome run() {
        Parsed<RoleArn> arn = plan.roleArn() == null ? Parsed.invalid("roleArn.required")
                : RoleArn.parse(plan.roleArn(), new AccountId(plan.accountId()),
                        Partition.fromId(plan.partition()).orElseThrow());
        step(StepSlot.ARN, () -> arnResult(arn));
        if (!arn.isValid()) {
            skipAfterAssume(StepSlot.ASSUME, "result_skipped_arn");
            return outcome.get();
        }
        RoleArn role = ((Parsed.Valid<RoleArn>) arn).value();
        AtomicReference<AssumedRole> assumed = new AtomicReference<>();
        StepResult assumedRole = step(StepSlot.ASSUME, () -> assume(assumed));
        if (assumed.get() == null) {
            skipAfterAssume(StepSlot.PROBE_WITHOUT, assumedRole.code() == DiagnosisCode.CONNECTION_REVOKED
                    ? "result_skipped_revoked" : "result_skipped_assume");
            return outcome.get();
        }
        try (AssumedRole session = assumed.get()) {
            runConcurrently(session, role);
        }
        return outcome.get();
    }

    private StepResult arnResult(Parsed<RoleArn> parsed) {
        if (plan.roleArn() == null) {
            return StepResult.of(StepStatus.FAIL, DiagnosisCode.ROLE_NOT_SUBMITTED, null);
        }
        if (parsed instanceof Parsed.Invalid<RoleArn> invalid) {
            return StepResult.of(StepStatus.FAIL, arnCode(invalid.error()), plan.roleArn());
        }
        return StepResult.pass("result_arn_valid", plan.roleArn(), null);
    }

    static DiagnosisCode arnCode(FieldError error) {
        return switch (error.key()) {
            case "roleArn.accountMismatch" -> DiagnosisCode.ARN_ACCOUNT_MISMATCH;
            case "roleArn.partitionMismatch" -> DiagnosisCode.ARN_PARTITION_MISMATCH;
            case "roleArn.notRole", "roleArn.userArn", "roleArn.assumedRoleArn" -> DiagnosisCode.ARN_NOT_ROLE;
            default -> DiagnosisCode.ARN_INVALID;
        };
    }

    private StepResult assume(AtomicReference<AssumedRole> assumed) {
        Duration backoff = config.propagationBackoff();
        int attempt = 1;
        while (true) {
            if (isRevoked()) {
                return StepResult.stopped();
            }
            AwsResult<AssumedRole> answer = assumeWith(plan.externalId());
            if (answer instanceof AwsResult.Ok<AssumedRole> ok) {
                assumed.set(ok.value());
                return StepResult.pass("result_assumed", plan.sessionName(), ok.requestId());
            }
            AwsFailure failure = ((AwsResult.Failed<AssumedRole>) answer).failure();
            boolean customersDenial = failure.kind() == AwsFailure.Kind.ACCESS_DENIED && !failure.deniedBy().isCallers();
            if (customersDenial && plan.previousExternalId() != null) {
                StepResult withPrevious = assumeWithPrevious(assumed, failure);
                if (withPrevious != null) {
                    return withPrevious;
                }
            }
            boolean propagating = customersDenial && withinPropagationWindow();
            if (propagating && clock.instant().plus(backoff).isBefore(deadline)) {
                log.waiting(plan.checkId(), StepSlot.ASSUME, DiagnosisCode.TRUST_PROPAGATING, String.valueOf(attempt));
                if (!pause(backoff)) {
                    return StepResult.of(StepStatus.WARN, DiagnosisCode.CHECK_INTERRUPTED, null, failure);
                }
                backoff = min(backoff.multipliedBy(2), config.propagationBackoffMax());
                attempt++;
                continue;
            }
            return assumeFailure(failure, propagating);
        }
    }

    /**
     * PRODUCT §7: during a rotation a role whose trust policy accepts only the previous external ID still works;
     * the step warns that the new one is not accepted yet. Null when the previous ID is denied too.
     */
    private StepResult assumeWithPrevious(AtomicReference<AssumedRole> assumed, AwsFailure newIdDenied) {
        if (isRevoked()) {
            return StepResult.stopped();
        }
        AwsResult<AssumedRole> answer = assumeWith(plan.previousExternalId());
        if (answer instanceof AwsResult.Ok<AssumedRole> ok) {
            assumed.set(ok.value());
            usedPreviousExternalId = true;
            return new StepResult(StepStatus.WARN, DiagnosisCode.ROTATION_PENDING,
                    DiagnosisCode.ROTATION_PENDING.titleKey(), plan.sessionName(), newIdDenied.errorCode(),
                    ok.requestId(), newIdDenied.detail());
        }
        AwsFailure failure = ((AwsResult.Failed<AssumedRole>) answer).failure();
        return failure.kind() == AwsFailure.Kind.ACCESS_DENIED ? null : StepResult.inconclusive(failure);
    }

    /** The check's own AssumeRole (its session name, 900 s), with one of the connection's external IDs. */
    private AwsResult<AssumedRole> assumeWith(String externalId) {
        return aws.assume(scope, plan.partition(), plan.region(), plan.roleArn(), externalId, plan.sessionName(),
                SESSION_DURATION);
    }

    /** Whether the role was assumed with the previous external ID of a rotation (so the rotation is not complete). */
    boolean usedPreviousExternalId() {
        return usedPreviousExternalId;
    }

    private StepResult assumeFailure(AwsFailure failure, boolean propagating) {
        return switch (failure.kind()) {
            case ACCESS_DENIED -> failure.deniedBy().isCallers()
                    ? StepResult.of(StepStatus.WARN, DiagnosisCode.VENDOR_ASSUME_DENIED, null, failure)
                    : propagating ? StepResult.of(StepStatus.WARN, DiagnosisCode.TRUST_PROPAGATING, null, failure)
                    : StepResult.of(StepStatus.FAIL, DiagnosisCode.TRUST_DENIED, null, failure);
            case REGION_DISABLED -> StepResult.of(StepStatus.FAIL, DiagnosisCode.STS_REGION_DISABLED,
                    aws.stsRegion(plan.partition(), plan.region()), failure);
            default -> StepResult.inconclusive(failure);
        };
    }

    private boolean withinPropagationWindow() {
        Instant submitted = plan.roleSubmittedAt();
        return submitted != null && clock.instant().isBefore(submitted.plus(config.propagationWindow()));
    }

    private void runConcurrently(AssumedRole session, RoleArn role) {
        List<Future<StepResult>> probes = new ArrayList<>();
        List<Future<?>> all = new ArrayList<>();
        boolean revokedBeforeProbes = isRevoked(); // one read: both probes start at once
        probes.add(submit(() -> step(StepSlot.PROBE_WITHOUT, () -> probe(revokedBeforeProbes, null,
                SessionNames.WITHOUT_EXTERNAL_ID, DiagnosisCode.TRUST_NO_EXTERNAL_ID))));
        probes.add(submit(() -> step(StepSlot.PROBE_WRONG, () -> probe(revokedBeforeProbes,
                ExternalId.generate().value(), SessionNames.WRONG_EXTERNAL_ID, DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD))));
        all.addAll(probes);
        all.add(submit(() -> step(StepSlot.IDENTITY, () -> identity(session, role))));
        for (int index = 0; index < plan.buckets().size(); index++) {
            int bucketIndex = index;
            all.add(submit(() -> {
                new BucketSteps(session, bucketIndex, plan.buckets().get(bucketIndex)).run();
                return null;
            }));
        }
        if (!awaitAll(all)) {
            over.set(true);
            all.forEach(future -> future.cancel(true));
            log.abandon(plan.checkId(), DiagnosisCode.AWS_TIMEOUT);
            worsen(CheckOutcome.INCONCLUSIVE);
            return;
        }
        bothProbesGranted(probes);
    }

    /** With no external-ID condition at all, the wrong ID is granted too; name the cause once, as the missing condition. */
    private void bothProbesGranted(List<Future<StepResult>> probes) {
        StepResult without = done(probes.get(0));
        StepResult wrong = done(probes.get(1));
        if (without != null && wrong != null && without.code() == DiagnosisCode.TRUST_NO_EXTERNAL_ID
                && wrong.code() == DiagnosisCode.TRUST_EXTERNAL_ID_WILDCARD) {
            log.relabel(plan.checkId(), StepSlot.PROBE_WRONG, DiagnosisCode.TRUST_NO_EXTERNAL_ID,
                    "result_probe_wrong_granted_too");
        }
    }

    private StepResult probe(boolean revokedNow, String externalId, String suffix, DiagnosisCode whenGranted) {
        if (revokedNow) {
            return StepResult.stopped();
        }
        AwsResult<String> answer = aws.probe(scope, plan.partition(), plan.region(), plan.roleArn(), externalId,
                plan.sessionName() + suffix);
        if (answer instanceof AwsResult.Ok<String> granted) {
            return new StepResult(StepStatus.FAIL, whenGranted, whenGranted.titleKey(), null, null,
                    granted.requestId(), "AssumeRole was granted: " + granted.value());
        }
        AwsFailure failure = ((AwsResult.Failed<String>) answer).failure();
        if (failure.kind() == AwsFailure.Kind.ACCESS_DENIED) {
            return new StepResult(StepStatus.PASS, null,
                    externalId == null ? "result_probe_without_denied" : "result_probe_wrong_denied", null,
                    failure.errorCode(), failure.requestId(), null);
        }
        return StepResult.inconclusive(failure);
    }

    private StepResult identity(AssumedRole session, RoleArn role) {
        AwsResult<String> answer = session.callerArn();
        if (answer instanceof AwsResult.Ok<String> ok) {
            String expected = "arn:" + plan.partition() + ":sts::" + plan.accountId() + ":assumed-role/"
                    + role.name() + "/" + plan.sessionName();
            if (expected.equals(ok.value())) {
                return StepResult.pass("result_identity_matches", ok.value(), ok.requestId());
            }
            return new StepResult(StepStatus.FAIL, DiagnosisCode.IDENTITY_MISMATCH,
                    DiagnosisCode.IDENTITY_MISMATCH.titleKey(), ok.value(), null, ok.requestId(),
                    "Expected " + expected);
        }
        return StepResult.inconclusive(((AwsResult.Failed<String>) answer).failure());
    }

    /** GetBucketLocation, ListObjectsV2 and a one-byte GetObject of one bucket, in that order. */
    private final class BucketSteps {

        private final AssumedRole session;
        private final GrantedBucket grant;
        private final StepSlot location;
        private final StepSlot listing;
        private final StepSlot reading;
        private String region = plan.region();

        BucketSteps(AssumedRole session, int index, GrantedBucket grant) {
            this.session = session;
            this.grant = grant;
            this.location = StepSlot.bucket(index, 0, StepSlot.BUCKET_LOCATION, grant.display());
            this.listing = StepSlot.bucket(index, 1, StepSlot.LIST_OBJECTS, grant.display());
            this.reading = StepSlot.bucket(index, 2, StepSlot.READ_OBJECT, grant.display());
        }

        void run() {
            StepResult located = step(location, this::locate);
            if (located.status() != StepStatus.PASS && located.code() != DiagnosisCode.S3_LOCATION_DENIED) {
                log.skip(plan.checkId(), listing, "result_skipped_bucket");
                log.skip(plan.checkId(), reading, "result_skipped_bucket");
                return;
            }
            List<StoredObject> objects = new ArrayList<>();
            StepResult listed = step(listing, () -> list(objects));
            if (listed.status() != StepStatus.PASS) {
                log.skip(plan.checkId(), reading, "result_skipped_list");
                return;
            }
            step(reading, () -> read(objects));
        }

        private StepResult locate() {
            Redirected<String> answer = followingRedirect(r -> session.bucketRegion(grant.bucket, r));
            if (answer.result() instanceof AwsResult.Ok<String> ok) {
                region = ok.value();
                return answer.redirected()
                        ? new StepResult(StepStatus.PASS, DiagnosisCode.S3_REGION_REDIRECT, "result_bucket_region",
                                region, null, ok.requestId(), null)
                        : StepResult.pass("result_bucket_region", region, ok.requestId());
            }
            AwsFailure failure = ((AwsResult.Failed<String>) answer.result()).failure();
            return switch (failure.kind()) {
                case ACCESS_DENIED -> StepResult.of(StepStatus.WARN, DiagnosisCode.S3_LOCATION_DENIED, region, failure);
                case NO_SUCH_BUCKET -> StepResult.of(StepStatus.FAIL, DiagnosisCode.S3_NO_SUCH_BUCKET, grant.bucket, failure);
                default -> StepResult.inconclusive(failure);
            };
        }

        private StepResult list(List<StoredObject> into) {
            Redirected<List<StoredObject>> answer = followingRedirect(r -> session.list(grant.bucket, grant.prefix, r,
                    config.maxKeys()));
            if (answer.result() instanceof AwsResult.Ok<List<StoredObject>> ok) {
                into.addAll(ok.value());
                String note = String.valueOf(ok.value().size());
                return answer.redirected()
                        ? new StepResult(StepStatus.PASS, DiagnosisCode.S3_REGION_REDIRECT, "result_listed", note,
                                null, ok.requestId(), "Followed a redirect to " + region)
                        : StepResult.pass("result_listed", note, ok.requestId());
            }
            AwsFailure failure = ((AwsResult.Failed<List<StoredObject>>) answer.result()).failure();
            return switch (failure.kind()) {
                case ACCESS_DENIED -> StepResult.denied(DiagnosisCode.S3_LIST_DENIED, null, failure);
                case NO_SUCH_BUCKET -> StepResult.of(StepStatus.FAIL, DiagnosisCode.S3_NO_SUCH_BUCKET, grant.bucket, failure);
                default -> StepResult.inconclusive(failure);
            };
        }

        private StepResult read(List<StoredObject> objects) {
            StoredObject first = objects.stream().filter(object -> object.size() > 0).findFirst().orElse(null);
            if (first == null) {
                return StepResult.of(StepStatus.SKIP, DiagnosisCode.S3_NOTHING_TO_READ, null);
            }
            Redirected<String> answer = followingRedirect(r -> session.readFirstByte(grant.bucket, first.key(), r));
            if (answer.result() instanceof AwsResult.Ok<String> ok) {
                return StepResult.pass("result_read", first.key(), ok.requestId());
            }
            AwsFailure failure = ((AwsResult.Failed<String>) answer.result()).failure();
            return switch (failure.kind()) {
                case ACCESS_DENIED, KMS_DENIED -> readDenied(first.key(), failure);
                case NO_SUCH_BUCKET -> StepResult.of(StepStatus.FAIL, DiagnosisCode.S3_NO_SUCH_BUCKET, grant.bucket, failure);
                default -> StepResult.inconclusive(failure);
            };
        }

        /**
         * S3 authorises s3:GetObject before KMS decrypts. When its refusal names neither the policy nor the key,
         * HeadObject, which decrypts nothing, tells a KMS refusal from an S3 one and names the object's key.
         */
        private StepResult readDenied(String key, AwsFailure failure) {
            boolean kms = failure.kind() == AwsFailure.Kind.KMS_DENIED;
            if (failure.kmsKeyArn().isEmpty() && (kms || failure.deniedBy() == AwsFailure.DeniedBy.NOT_STATED)) {
                AwsResult<Optional<String>> head = session.encryptionKey(grant.bucket, key, region);
                if (head instanceof AwsResult.Ok<Optional<String>> ok && ok.value().isPresent()) {
                    return StepResult.of(StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED, key, failure)
                            .withKmsKey(ok.value().get());
                }
            }
            return kms ? StepResult.of(StepStatus.FAIL, DiagnosisCode.KMS_DECRYPT_DENIED, key, failure)
                    : StepResult.denied(DiagnosisCode.S3_READ_DENIED, key, failure);
        }

        /** S3 answers 301 with the bucket's region when asked in another one: ask again there, once. */
        private <T> Redirected<T> followingRedirect(Function<String, AwsResult<T>> call) {
            AwsResult<T> answer = call.apply(region);
            if (answer instanceof AwsResult.Failed<T> failed && failed.failure().kind() == AwsFailure.Kind.REDIRECT) {
                String bucketRegion = failed.failure().bucketRegion().orElseThrow();
                if (!bucketRegion.equals(region)) {
                    region = bucketRegion;
                    return new Redirected<>(call.apply(region), true);
                }
            }
            return new Redirected<>(answer, false);
        }
    }

    private record Redirected<T>(AwsResult<T> result, boolean redirected) {
    }

    /** Runs one step: written as RUNNING, then with its result and duration; its code may worsen the outcome. */
    private StepResult step(StepSlot slot, Supplier<StepResult> body) {
        if (over.get()) {
            return StepResult.of(StepStatus.WARN, DiagnosisCode.AWS_TIMEOUT, null);
        }
        log.begin(plan.checkId(), slot);
        long started = System.nanoTime();
        StepResult result = body.get();
        log.finish(plan.checkId(), slot, result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (result.code() == DiagnosisCode.VENDOR_CREDENTIALS) {
            // The customer is told it is not their problem; the operator hears of it here.
            LOG.warnf("Check %s: the vendor's AWS credentials are missing or were refused: %s", plan.checkId(),
                    result.detail());
        }
        if (result.code() != null) {
            worsen(result.code().verdict());
        }
        return result;
    }

    private void worsen(CheckOutcome verdict) {
        if (verdict != null) {
            outcome.accumulateAndGet(verdict, CheckOutcome::worst);
        }
    }

    private void skipAfterAssume(StepSlot from, String messageKey) {
        StepSlot.planned(plan.buckets()).stream().filter(slot -> slot.position() >= from.position())
                .forEach(slot -> log.skip(plan.checkId(), slot, messageKey));
    }

    private <T> Future<T> submit(Callable<T> task) {
        return steps.submit(() -> {
            try {
                return task.call();
            } catch (RuntimeException e) {
                LOG.errorf("Check %s: a step failed unexpectedly: %s", plan.checkId(), e.getClass().getName());
                throw e;
            }
        });
    }

    private boolean awaitAll(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            long remaining = Duration.between(clock.instant(), deadline).toMillis();
            try {
                future.get(Math.max(remaining, 0), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | CancellationException e) {
                log.abandon(plan.checkId(), DiagnosisCode.AWS_UNEXPECTED);
                worsen(CheckOutcome.INCONCLUSIVE);
            }
        }
        return true;
    }

    private static StepResult done(Future<StepResult> future) {
        try {
            return future.isDone() && !future.isCancelled() ? future.get() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private boolean pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Revoked on this instance (the scope) or, as the database says now, on any other. */
    private boolean isRevoked() {
        return scope.isRevoked() || revoked.getAsBoolean();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

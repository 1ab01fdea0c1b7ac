package io.rolegate.aws.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * A stand-in for AWS STS and S3 on a loopback port. It speaks the wire protocol the AWS SDK speaks (SigV4, the STS
 * Query API, S3 REST with path-style addressing), evaluates the real trust and permission policy documents, and
 * can be told to misbehave the ways AWS does (propagation delay, disabled regions, throttling, 5xx, hangs).
 *
 * <p>It models the three partitions as AWS keeps them apart: a request belongs to the partition of the region in
 * its signature, and credentials, roles and buckets exist only in their own partition. Credentials used in another
 * partition are unknown there (STS InvalidClientTokenId, S3 InvalidAccessKeyId), a role of another partition does
 * not exist (AccessDenied), and an account named in a policy means that account of the policy's own partition.
 * The vendor has a user in each partition, each in its own account.
 *
 * <p>Time is the fake's own: the system clock plus whatever {@link #advanceTime(Duration)} added, so tests can
 * let a propagation delay pass or credentials expire without sleeping.
 *
 * <h2>SQS, SNS and CloudFormation (one-click onboarding)</h2>
 * <ul>
 * <li><b>SQS</b> ({@link Sqs}): the AWS JSON 1.0 protocol of the SDK's {@code sqs} client on the same endpoint
 * (signature scope {@code sqs}). {@link #queue(String)} creates a standard queue; its URL is
 * {@code http://127.0.0.1:PORT/111111111111/NAME}, so a client reaches it through the URL's host or an endpoint
 * override. ReceiveMessage long-polls for real (it answers the moment a message arrives), hides what it returned for
 * the visibility timeout (on the fake's clock: {@link #advanceTime} makes it reappear), counts
 * {@code ApproximateReceiveCount}; DeleteMessage deletes only with the latest receipt handle; ChangeMessageVisibility,
 * SendMessage, GetQueueAttributes and PurgeQueue too. {@link #queuedMessages}/{@link #deletedMessages} show the
 * queue; {@link #sendMessage} puts garbage on it. Throttling, 5xx, hangs and latency apply as for STS and S3.</li>
 * <li><b>S3 PutObject</b> by the vendor into its own bucket (its identity policy is {@link #vendorPolicy}, Allow
 * when none is set) stores the {@code Content-Type}, which GetObject returns. {@link #templateBucket} creates the
 * vendor's template bucket with the public-read policy quick-create templates need.</li>
 * <li><b>SNS</b>: {@link #subscribe(String, String)} subscribes a queue to a topic; notifications arrive as the SNS
 * JSON envelope (raw delivery off); {@link #publish} sends any message.</li>
 * <li><b>CloudFormation</b> ({@link Stack}): {@link #launchStack}, {@link #updateStack}, {@link #deleteStack} play a
 * customer's stack from the template URL Rolegate published: the template is read from the stand-in S3 (as the
 * customer, through the bucket policy), parsed with the YAML short forms, the {@code AWS::IAM::Role} is created in
 * the customer's account of the fake IAM (so checks then pass or fail on its real documents), and each custom
 * resource request goes through the ServiceToken topic to the subscribed queues. The stack waits for the PUT to the
 * pre-signed ResponseURL (path-style on this endpoint, bucket {@code cloudformation-custom-resource-response-REGION})
 * and moves to CREATE_COMPLETE, or rolls back with the response's Reason. {@link #responseUrlPuts()} records every
 * request to a ResponseURL; {@link Stack#awaitRequest}, {@link Stack#awaitResponse}, {@link Stack#awaitCompletion}
 * and {@link CustomResourceCall#awaitResponse} wait without sleeping. Test hooks:
 * {@link #interceptCustomResourceRequests} (forge the token, the StackId account, the ResponseURL host — point it
 * at {@link #trapEndpoint()} to prove nothing requests it), {@link #duplicateDeliveries},
 * {@link CustomResourceCall#redeliver()}, {@link #customResourceTimeout}.</li>
 * </ul>
 */
public final class FakeAws implements AutoCloseable {

    /** The services the fake serves, told apart by the service in the signature's credential scope. */
    public enum Service { STS, S3, SQS }

    static final String VENDOR_ACCOUNT_ID = "111111111111";
    static final String VENDOR_USER_ARN = "arn:aws:iam::" + VENDOR_ACCOUNT_ID + ":user/rolegate";
    /** The vendor's account in AWS GovCloud (US): a different number, as GovCloud accounts always have. */
    public static final String GOV_VENDOR_ACCOUNT_ID = "404040404040";
    /** The vendor's account in the AWS China regions. */
    public static final String CN_VENDOR_ACCOUNT_ID = "868686868686";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String HOST_ID_PREFIX = "fakeaws/";
    private static final Duration LONGEST_HANG = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private volatile Duration timeOffset = Duration.ZERO;

    private final Identity vendor;
    private final Map<String, Identity> vendors;
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();
    final Map<String, CustomerRole> roles = new ConcurrentHashMap<>();
    final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    final Map<String, Policy> keyPolicies = new ConcurrentHashMap<>();
    private final List<AwsCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());

    private final Map<Service, AtomicInteger> throttles = counters();
    private final Map<Service, AtomicInteger> serverErrors = counters();
    private final Map<String, AtomicInteger> operationThrottles = new ConcurrentHashMap<>();
    private final Map<Service, Duration> hangs = new ConcurrentHashMap<>();
    private final Map<Service, AtomicInteger> hangsLeft = counters();
    volatile Policy s3EndpointPolicy;
    volatile Policy vendorPolicy;
    final Set<String> disabledStsRegions = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean vendorCredentialsInvalid;
    private volatile CountDownLatch releaseDelays = new CountDownLatch(1);

    private final Sts sts = new Sts(this);
    private final S3 s3 = new S3(this);
    private final Sqs sqs = new Sqs(this);
    private final CloudFormation cloudFormation = new CloudFormation(this, sqs);
    private final List<String> trapRequests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer trap;

    private FakeAws(Clock clock) throws IOException {
        this.clock = clock;
        this.vendor = newVendorUser("aws", VENDOR_ACCOUNT_ID);
        this.vendors = Map.of("aws", vendor, "aws-us-gov", newVendorUser("aws-us-gov", GOV_VENDOR_ACCOUNT_ID),
                "aws-cn", newVendorUser("aws-cn", CN_VENDOR_ACCOUNT_ID));
        vendors.values().forEach(user -> identities.put(user.accessKeyId(), user));
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-aws-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private static Map<Service, AtomicInteger> counters() {
        Map<Service, AtomicInteger> counters = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            counters.put(service, new AtomicInteger());
        }
        return counters;
    }

    /** Starts on a free loopback port with the system clock. */
    public static FakeAws start() {
        return start(Clock.systemUTC());
    }

    public static FakeAws start(Clock clock) {
        try {
            return new FakeAws(clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake AWS", e);
        }
    }

    /** STS, S3 and SQS all live here; point each SDK client at it with {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** The access key of the vendor's IAM user {@code arn:aws:iam::111111111111:user/rolegate}. */
    public AwsBasicCredentials vendorCredentials() {
        return vendorCredentials("aws");
    }

    /** The access key of the vendor's IAM user in a partition ({@code aws}, {@code aws-us-gov}, {@code aws-cn}). */
    public AwsBasicCredentials vendorCredentials(String partition) {
        Identity user = vendorUser(partition);
        return AwsBasicCredentials.create(user.accessKeyId(), user.secretAccessKey());
    }

    public String vendorAccountId() {
        return VENDOR_ACCOUNT_ID;
    }

    /** The vendor's account in a partition. */
    public String vendorAccountId(String partition) {
        return vendorUser(partition).account();
    }

    public String vendorUserArn() {
        return VENDOR_USER_ARN;
    }

    /** The vendor's IAM user in a partition, e.g. {@code arn:aws-us-gov:iam::404040404040:user/rolegate}. */
    public String vendorUserArn(String partition) {
        return vendorUser(partition).arn();
    }

    private Identity vendorUser(String partition) {
        Identity user = vendors.get(partition);
        if (user == null) {
            throw new IllegalArgumentException("no partition " + partition);
        }
        return user;
    }

    private static Identity newVendorUser(String partition, String account) {
        String arn = "arn:" + partition + ":iam::" + account + ":user/rolegate";
        return new Identity("AKIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40), null, arn,
                "AIDA" + random(KEY_ALPHABET, 17), account, arn, null);
    }

    /**
     * The partition a region belongs to, as AWS's endpoints decide it: a request signed for {@code us-gov-west-1}
     * reaches GovCloud, one for {@code cn-north-1} China; anything else (or no region) the commercial partition.
     */
    static String partitionOf(String region) {
        if (region != null && region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return region != null && region.startsWith("cn-") ? "aws-cn" : "aws";
    }

    /** The DNS suffix of a partition's endpoints. */
    static String dnsSuffix(String partition) {
        return "aws-cn".equals(partition) ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /**
     * Creates (or replaces) a customer role; its account and partition come from the ARN. The documents are
     * checked like IAM's CreateRole would: a malformed one throws {@link IllegalArgumentException}.
     */
    public void role(String roleArn, String trustPolicyJson, String permissionPolicyJson) {
        Policy trust = Policy.parse(Policy.Kind.TRUST, trustPolicyJson);
        Policy permissions = Policy.parse(Policy.Kind.PERMISSIONS, permissionPolicyJson);
        roles.put(roleArn, new CustomerRole(roleArn, "AROA" + random(KEY_ALPHABET, 17), trust, permissions, now()));
    }

    /** Deletes the role; sessions already issued keep authenticating but lose every permission, as in IAM. */
    public void removeRole(String roleArn) {
        roles.remove(roleArn);
    }

    /**
     * Creates a role as IAM's CreateRole does for CloudFormation and returns its role ID; throws
     * {@link IllegalStateException} if the account already has a role of that name (IAM compares names ignoring case).
     */
    String createRole(String roleArn, Policy trust, Policy permissions, Duration maxSessionDuration) {
        CustomerRole role = new CustomerRole(roleArn, "AROA" + random(KEY_ALPHABET, 17), trust, permissions, now());
        synchronized (roles) {
            boolean taken = roles.values().stream().anyMatch(existing -> existing.partition.equals(role.partition)
                    && existing.account.equals(role.account) && existing.name.equalsIgnoreCase(role.name));
            if (taken) {
                throw new IllegalStateException("role " + role.name + " exists");
            }
            role.maxSessionDuration = maxSessionDuration;
            roles.put(roleArn, role);
        }
        return role.roleId;
    }

    /** Replaces an existing role's documents (UpdateAssumeRolePolicy, PutRolePolicy …), keeping its role ID. */
    void updateRole(String roleArn, Policy trust, Policy permissions, Duration maxSessionDuration) {
        CustomerRole old = existingRole(roleArn);
        CustomerRole role = new CustomerRole(roleArn, old.roleId, trust, permissions, old.createdAt);
        role.maxSessionDuration = maxSessionDuration;
        roles.put(roleArn, role);
    }

    /** Whether the fake IAM has this role. */
    public boolean roleExists(String roleArn) {
        return roles.containsKey(roleArn);
    }

    /** A customer-managed policy a CloudFormation role can attach through {@code ManagedPolicyArns}. */
    public void managedPolicy(String policyArn, String policyJson) {
        Policy.parse(Policy.Kind.PERMISSIONS, policyJson);
        cloudFormation.managedPolicies.put(policyArn, policyJson);
    }

    /** The role's MaxSessionDuration (default one hour), the upper bound for DurationSeconds. */
    public void maxSessionDuration(String roleArn, Duration maximum) {
        existingRole(roleArn).maxSessionDuration = maximum;
    }

    public void bucket(String name, String region, String ownerAccountId) {
        buckets.put(name, new Bucket(name, region, ownerAccountId));
    }

    /**
     * The bucket's policy (a resource-based policy: Principal and Resource in every statement). S3 then lets a role
     * of the owner's account in when either this policy or the role's own allows it, a role of another account
     * only when both do, and nobody whom either denies.
     */
    public void bucketPolicy(String bucket, String policyJson) {
        existingBucket(bucket).policy = Policy.parse(Policy.Kind.RESOURCE, policyJson);
    }

    /**
     * S3 answers the bucket's denials with a bare "Access Denied", as it does for requests from outside the bucket
     * owner's AWS organization (its messages name the refusing policy only within one account or organization).
     */
    public void plainAccessDenied(String bucket) {
        existingBucket(bucket).plainDenials = true;
    }

    /**
     * The key policy of a KMS key. Without one, a key has the default policy, which allows its own account and so
     * leaves the decision to that account's IAM policies; a role of another account needs both.
     */
    public void kmsKey(String keyArn, String keyPolicyJson) {
        keyPolicies.put(keyArn, Policy.parse(Policy.Kind.RESOURCE, keyPolicyJson));
    }

    /**
     * The vendor's S3 traffic passes through a VPC endpoint with this policy (a resource-based policy, usually with
     * Principal "*"): S3 refuses what it does not allow, naming the VPC endpoint policy.
     */
    public void s3VpcEndpointPolicy(String policyJson) {
        s3EndpointPolicy = Policy.parse(Policy.Kind.RESOURCE, policyJson);
    }

    /**
     * An identity policy of the vendor's own user: AssumeRole by the vendor then needs its Allow besides the role's
     * trust, and STS names it when it refuses. Without one the vendor may call anything.
     */
    public void vendorPolicy(String policyJson) {
        vendorPolicy = Policy.parse(Policy.Kind.PERMISSIONS, policyJson);
    }

    /**
     * What the identity policies of a vendor user decide: the {@link #vendorPolicy} for the commercial vendor when
     * one is set, otherwise Allow; a caller who is no vendor user has no identity policy here.
     */
    Policy.Decision vendorIdentityDecision(Policy.Request request) {
        Identity caller = request.caller();
        if (!vendors.containsValue(caller)) {
            return Policy.Decision.IMPLICIT_DENY;
        }
        Policy policy = vendorPolicy;
        return policy == null || !VENDOR_USER_ARN.equals(caller.arn()) ? Policy.Decision.ALLOW : policy.evaluate(request);
    }

    /** Stores an object; {@code kmsKeyArn} non-null makes it SSE-KMS, readable only with kms:Decrypt on that key. */
    public void object(String bucket, String key, byte[] content, String kmsKeyArn) {
        existingBucket(bucket).objects.put(key, storedObject(key, content, kmsKeyArn, null));
    }

    /**
     * Creates (or finds) an SQS standard queue of the vendor's account in {@code us-east-1} and returns its URL,
     * {@code http://127.0.0.1:PORT/111111111111/NAME}: the path of a real queue URL on the fake's endpoint.
     */
    public String queue(String name) {
        return queue(VENDOR_ACCOUNT_ID, "us-east-1", name);
    }

    /**
     * Creates (or finds) a queue of an account in a region. SQS calls must be signed for that region by credentials
     * of that account; any other caller is told the queue does not exist, as SQS tells callers without access.
     */
    public String queue(String accountId, String region, String name) {
        return sqs.create(accountId, region, name).url;
    }

    /** The queue's default visibility timeout (30 s unless changed), used when ReceiveMessage names none. */
    public void visibilityTimeout(String queueUrl, Duration timeout) {
        sqs.existing(queueUrl).visibilityTimeout = timeout;
    }

    /** Puts a message on the queue as another producer would (the SQS SendMessage API does the same); returns its ID. */
    public String sendMessage(String queueUrl, String body) {
        return sqs.enqueue(sqs.existing(queueUrl), body, Map.of(), vendor.userId(), Duration.ZERO).messageId;
    }

    /** A message in an SQS queue as a test sees it: {@code visible} means a ReceiveMessage would return it now. */
    public record QueuedMessage(String messageId, String body, int receiveCount, boolean visible) {
    }

    /** The messages still in the queue (received or not, but not deleted), oldest first. */
    public List<QueuedMessage> queuedMessages(String queueUrl) {
        return sqs.snapshot(sqs.existing(queueUrl), false);
    }

    /** Empties the queue (as PurgeQueue), e.g. between tests that share one fake. */
    public void purgeQueue(String queueUrl) {
        sqs.purge(sqs.existing(queueUrl));
    }

    /** The messages DeleteMessage removed from the queue, in the order they were deleted. */
    public List<QueuedMessage> deletedMessages(String queueUrl) {
        return sqs.snapshot(sqs.existing(queueUrl), true);
    }

    /** The object as stored (PutObject or {@link #object}), or null if the bucket has no such key. */
    public StoredObject storedObject(String bucket, String key) {
        Bucket.StoredObject object = existingBucket(bucket).objects.get(key);
        return object == null ? null : new StoredObject(object.content().clone(), object.contentType());
    }

    /** An object's bytes and the {@code Content-Type} it was stored with (null when PutObject sent none). */
    public record StoredObject(byte[] content, String contentType) {
    }

    /**
     * A vendor bucket for published CloudFormation templates, in the vendor's account of the region's partition,
     * with the bucket policy such a bucket needs: everyone may GetObject (CloudFormation reads a quick-create
     * template on behalf of the customer's account). {@link #launchStack} refuses templates it could not read.
     */
    public void templateBucket(String name, String region) {
        String partition = partitionOf(region);
        bucket(name, region, vendorAccountId(partition));
        bucketPolicy(name, """
                {"Version": "2012-10-17", "Statement": {"Sid": "PublicTemplates", "Effect": "Allow", "Principal": "*",
                 "Action": "s3:GetObject", "Resource": "arn:%s:s3:::%s/*"}}""".formatted(partition, name));
    }

    // ---- CloudFormation and SNS, as a customer's stack meets them

    /**
     * Subscribes a queue to an SNS topic (created by the first subscription), with raw message delivery off: each
     * notification arrives as the SNS JSON envelope. Topics accept publishes from every account, as the vendor's
     * topic policy must allow for customers' stacks. A {@code *} region ({@code arn:aws:sns:*:111111111111:name})
     * stands for the topic of that name in every region, as a vendor creates one per region.
     */
    public void subscribe(String topicArn, String queueUrl) {
        cloudFormation.subscribe(topicArn, queueUrl);
    }

    /**
     * Publishes a notification with any subject and message to a topic (e.g. garbage a worker must survive) and
     * returns its MessageId.
     */
    public String publish(String topicArn, String subject, String message) {
        return cloudFormation.publish(topicArn, subject, message);
    }

    /**
     * Creates a stack in a customer's account as the CloudFormation console's quick-create does: reads the template
     * at {@code templateUrl} (path-style on this endpoint, {@code http://127.0.0.1:PORT/bucket/key}, or a real S3
     * URL) as the customer, resolves the parameters and starts creating the resources in the background.
     * Errors CreateStack answers at once (unreadable template, unknown or disallowed parameters, a stack of that
     * name exists, an unsupported resource type) throw {@link IllegalArgumentException} with CloudFormation's text.
     *
     * @see Stack for what is modelled and how to wait
     */
    public Stack launchStack(String customerAccountId, String region, String stackName, String templateUrl,
            Map<String, String> parameters) {
        return cloudFormation.launch(customerAccountId, region, stackName, templateUrl, parameters);
    }

    /**
     * Updates a stack with a new template; a parameter not given keeps its previous value (else its default).
     * Changed custom resources receive an Update request with {@code OldResourceProperties}.
     */
    public Stack updateStack(String customerAccountId, String region, String stackName, String templateUrl,
            Map<String, String> parameters) {
        return cloudFormation.update(customerAccountId, region, stackName, templateUrl, parameters);
    }

    /** Deletes a stack: custom resources first (a Delete request each), then the role, in reverse dependency order. */
    public Stack deleteStack(String customerAccountId, String region, String stackName) {
        return cloudFormation.delete(customerAccountId, region, stackName);
    }

    /** The stack of that name in the account and region; {@link IllegalArgumentException} if there is none. */
    public Stack stack(String customerAccountId, String region, String stackName) {
        return cloudFormation.stack(customerAccountId, region, stackName);
    }

    /**
     * Lets a test change every following custom resource request before it is published, e.g. forge the token
     * ({@code r -> ((ObjectNode) r.get("ResourceProperties")).put("RegistrationToken", "forged")}), the account in
     * {@code StackId}, or the {@code ResponseURL} host ({@link #trapEndpoint()}). The stack keeps waiting on the
     * ResponseURL it issued. Null stops it; {@link #clearFaults()} too.
     */
    public void interceptCustomResourceRequests(Consumer<ObjectNode> interceptor) {
        cloudFormation.intercept(interceptor);
    }

    /** Every following custom resource notification reaches each subscribed queue {@code 1 + extraCopies} times. */
    public void duplicateDeliveries(int extraCopies) {
        cloudFormation.extraDeliveries(extraCopies);
    }

    /** How long a stack waits for a custom resource response (CloudFormation: one hour) before the resource fails. */
    public void customResourceTimeout(Duration timeout) {
        cloudFormation.timeout = timeout;
    }

    /** Every request to a custom resource ResponseURL so far, oldest first, refused ones included. */
    public List<ResponseUrlPut> responseUrlPuts() {
        return cloudFormation.puts();
    }

    /**
     * A second loopback endpoint that is no AWS service: it answers every request 200 and records it. Point a
     * tampered ResponseURL here to prove nobody requested it ({@link #trapRequests()}).
     */
    public synchronized URI trapEndpoint() {
        if (trap == null) {
            try {
                trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the trap endpoint", e);
            }
            trap.createContext("/", exchange -> {
                trapRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            trap.setExecutor(executor);
            trap.start();
        }
        return URI.create("http://" + trap.getAddress().getHostString() + ":" + trap.getAddress().getPort());
    }

    /** The requests the trap endpoint received, as {@code "METHOD /path?query"}. */
    public List<String> trapRequests() {
        synchronized (trapRequests) {
            return List.copyOf(trapRequests);
        }
    }

    /** Runs a background task (a stack operation) on the fake's threads. */
    void run(Runnable task) {
        executor.execute(task);
    }

    private Bucket existingBucket(String bucket) {
        Bucket target = buckets.get(bucket);
        if (target == null) {
            throw new IllegalArgumentException("no bucket " + bucket);
        }
        return target;
    }

    static Bucket.StoredObject storedObject(String key, byte[] content, String kmsKeyArn, String contentType) {
        try {
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
            return new Bucket.StoredObject(key, content.clone(), kmsKeyArn, etag, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    contentType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fake's current time: the clock plus every {@link #advanceTime(Duration)}. */
    public Instant now() {
        return clock.instant().plus(timeOffset);
    }

    /** Moves the fake's clock on; SQS messages whose visibility timeout thereby ended are visible again at once. */
    public void advanceTime(Duration duration) {
        timeOffset = timeOffset.plus(duration);
        sqs.wakeAll();
    }

    /** The role answers AccessDenied until this much fake time has passed since it was registered. */
    public void propagationDelay(String roleArn, Duration delay) {
        existingRole(roleArn).propagationDelay = delay;
    }

    /**
     * The role answers AccessDenied to its next {@code attempts} AssumeRole calls, whatever the clock says: for
     * tests of code that retries on its own real-time schedule.
     */
    public void propagationDelayAttempts(String roleArn, int attempts) {
        existingRole(roleArn).deniedAttemptsLeft.set(attempts);
    }

    /** STS calls signed for this region answer 403 RegionDisabledException. */
    public void disableStsRegion(String region) {
        disabledStsRegions.add(region);
    }

    /**
     * The next {@code times} calls to the service answer STS 400 {@code Throttling}, SQS 400 {@code RequestThrottled}
     * or S3 503 {@code SlowDown}.
     */
    public void throttle(Service service, int times) {
        throttles.get(service).set(times);
    }

    /**
     * The next {@code times} calls of one operation (e.g. {@code ListObjectsV2}) answer STS 400 {@code Throttling}
     * or S3 503 {@code SlowDown}; other operations are answered normally.
     */
    public void throttle(Service service, String operation, int times) {
        operationThrottles.put(service + "/" + operation, new AtomicInteger(times));
    }

    /** Throws the service's throttling error if the request's operation is being throttled. */
    void throttleOperation(AwsRequest request) {
        AtomicInteger left = operationThrottles.get(request.service + "/" + request.operation);
        if (left != null && takeOne(left)) {
            throw throttling(request.service);
        }
    }

    private static AwsError throttling(Service service) {
        return switch (service) {
            case STS -> new AwsError(400, "Throttling", "Rate exceeded");
            case SQS -> Sqs.error(400, "RequestThrottled", "RequestThrottled", "Rate exceeded");
            case S3 -> new AwsError(503, "SlowDown", "Please reduce your request rate.");
        };
    }

    /**
     * The next {@code times} calls answer STS or SQS 500 {@code InternalFailure}, or S3 500 {@code InternalError}.
     */
    public void failWith5xx(Service service, int times) {
        serverErrors.get(service).set(times);
    }

    /**
     * Every call to the service hangs for {@code atMost} (at most five minutes) before it is answered, until
     * {@link #releaseHangs()} or {@link #close()}; a client timeout shorter than that sees a hung AWS.
     */
    public void hang(Service service, Duration atMost) {
        hangs.put(service, atMost.compareTo(LONGEST_HANG) > 0 ? LONGEST_HANG : atMost);
    }

    /**
     * Only the next {@code times} calls to the service hang (for {@code atMost}, as {@link #hang}); the calls
     * after them, an SDK retry among them, are answered at once.
     */
    public void hangNext(Service service, int times, Duration atMost) {
        hangsLeft.get(service).set(times);
        hang(service, atMost);
    }

    /** Ends every hang and lets the waiting requests be answered now. */
    public void releaseHangs() {
        hangs.clear();
        hangsLeft.values().forEach(left -> left.set(0));
        CountDownLatch released = releaseDelays;
        releaseDelays = new CountDownLatch(1);
        released.countDown();
    }

    /** Every call waits this long before it is handled. */
    public void latency(Duration perCall) {
        latency = perCall;
    }

    /** The vendor's access keys (in every partition) stop existing: STS InvalidClientTokenId, S3 InvalidAccessKeyId. */
    public void invalidVendorCredentials() {
        vendorCredentialsInvalid = true;
    }

    /**
     * Undoes every fault switch, the custom resource interceptor, duplicate deliveries and timeout included (roles,
     * buckets, queues, stacks and the call log stay).
     */
    public void clearFaults() {
        releaseHangs();
        cloudFormation.clearFaults();
        throttles.values().forEach(left -> left.set(0));
        operationThrottles.clear();
        s3EndpointPolicy = null;
        vendorPolicy = null;
        serverErrors.values().forEach(left -> left.set(0));
        disabledStsRegions.clear();
        latency = Duration.ZERO;
        vendorCredentialsInvalid = false;
        roles.values().forEach(role -> {
            role.propagationDelay = Duration.ZERO;
            role.deniedAttemptsLeft.set(0);
        });
    }

    /** Every call answered so far, oldest first. */
    public List<AwsCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Forgets the call log, the arrivals and the requests to ResponseURLs. */
    public void clearCalls() {
        calls.clear();
        arrivals.clear();
        cloudFormation.clearPuts();
    }

    /**
     * A request as it reached the fake, before any hang or answer. {@code action} is the STS {@code Action}
     * parameter, the SQS operation, or the S3 method and path; {@code at} is the fake's time of arrival.
     */
    public record Arrival(Service service, String action, Instant at) {
    }

    /** Every request that reached the fake so far, oldest first, including those still hanging or abandoned. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Forgets the sessions that expire before {@code instant}, so a long benchmark does not pile them up. */
    public void forgetSessionsExpiringBefore(Instant instant) {
        identities.values().removeIf(identity -> identity.expiration() != null && identity.expiration().isBefore(instant));
    }

    /** Stops the server and releases every request still hanging. */
    @Override
    public void close() {
        releaseHangs();
        server.stop(0);
        synchronized (this) {
            if (trap != null) {
                trap.stop(0);
            }
        }
        executor.shutdownNow();
    }

    private CustomerRole existingRole(String roleArn) {
        CustomerRole role = roles.get(roleArn);
        if (role == null) {
            throw new IllegalArgumentException("no role " + roleArn);
        }
        return role;
    }

    Identity issueSession(CustomerRole role, String sessionName, Duration duration) {
        String arn = "arn:" + role.partition + ":sts::" + role.account + ":assumed-role/" + role.name + "/" + sessionName;
        Identity session = new Identity("ASIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40),
                random(SECRET_ALPHABET, 356), arn, role.roleId + ":" + sessionName, role.account, role.arn,
                now().plus(duration).truncatedTo(ChronoUnit.SECONDS));
        identities.put(session.accessKeyId(), session);
        return session;
    }

    static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private void handle(HttpExchange exchange) {
        AwsRequest request = null;
        Response response;
        try (InputStream body = exchange.getRequestBody()) {
            SignatureV4.SignedRequest http = new SignatureV4.SignedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    lowerCaseHeaders(exchange), body.readAllBytes());
            SignatureV4.Credential credential = SignatureV4.parse(http.header("authorization"));
            Service service = serviceOf(credential, http);
            request = new AwsRequest(service, http, service == Service.S3
                    ? random("0123456789ABCDEF", 16) : UUID.randomUUID().toString());
            arrivals.add(new Arrival(service, action(service, http), now()));
            request.region = credential == null ? null : credential.region();
            response = answer(request, credential);
        } catch (IOException e) {
            exchange.close();
            return;
        } catch (InterruptedException e) {
            // Closing the fake interrupts hung requests; they get no answer, like a dropped connection.
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        calls.add(request.toCall(response.status(), response.errorCode()));
        send(exchange, request, response);
    }

    private Response answer(AwsRequest request, SignatureV4.Credential credential) throws InterruptedException {
        delay(latency);
        Duration hang = hangs.get(request.service);
        AtomicInteger counted = hangsLeft.get(request.service);
        if (hang != null && counted.getAndUpdate(left -> Math.max(0, left - 1)) == 1) {
            hangs.remove(request.service, hang);
        }
        if (hang != null) {
            delay(hang);
        }
        try {
            if (takeOne(throttles.get(request.service))) {
                throw throttling(request.service);
            }
            if (takeOne(serverErrors.get(request.service))) {
                throw request.service == Service.S3
                        ? new AwsError(500, "InternalError", "We encountered an internal error. Please try again.")
                        : new AwsError(500, "InternalFailure", "An internal error occurred.");
            }
            if (request.service == Service.S3 && credential == null && CloudFormation.presigned(request.http)) {
                return cloudFormation.receive(request);
            }
            authenticate(request, credential);
            return switch (request.service) {
                case STS -> sts.handle(request);
                case SQS -> sqs.handle(request);
                case S3 -> s3.handle(request);
            };
        } catch (AwsError error) {
            return switch (request.service) {
                case STS -> sts.error(request, error);
                case SQS -> sqs.error(request, error);
                case S3 -> s3.error(request, error);
            };
        }
    }

    private void delay(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            releaseDelays.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean takeOne(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * The service in the signature's scope. Without a signature, an SQS {@code X-Amz-Target} means SQS, a POST to /
     * STS (like the global endpoint) and anything else S3.
     */
    private static Service serviceOf(SignatureV4.Credential credential, SignatureV4.SignedRequest http) {
        if (credential != null) {
            return switch (credential.service()) {
                case "sts" -> Service.STS;
                case "sqs" -> Service.SQS;
                default -> Service.S3;
            };
        }
        String target = http.header("x-amz-target");
        if (target != null && target.startsWith(Sqs.TARGET_PREFIX)) {
            return Service.SQS;
        }
        return http.method().equals("POST") && http.rawPath().equals("/") ? Service.STS : Service.S3;
    }

    /** What {@link Arrival#action()} records: the STS Action, the SQS target's operation, or S3's method and path. */
    private static String action(Service service, SignatureV4.SignedRequest http) {
        return switch (service) {
            case STS -> stsAction(http);
            case SQS -> String.valueOf(http.header("x-amz-target")).replace(Sqs.TARGET_PREFIX, "");
            case S3 -> http.method() + " " + http.rawPath();
        };
    }

    private void authenticate(AwsRequest request, SignatureV4.Credential credential) {
        // STS and SQS answer authentication failures alike; S3 has its own codes.
        boolean stsCall = request.service != Service.S3;
        if (credential == null) {
            throw stsCall ? new AwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
                    : new AwsError(403, "AccessDenied", "Access Denied");
        }
        if (!Set.of("sts", "s3", "sqs").contains(credential.service())) {
            throw new AwsError(400, "InvalidRequest", "Unknown service " + credential.service());
        }
        Identity identity = identities.get(credential.accessKeyId());
        // Credentials exist in one partition only; elsewhere they are as unknown as invented ones.
        if (identity == null || (vendors.containsValue(identity) && vendorCredentialsInvalid)
                || !identity.partition().equals(partitionOf(request.region))) {
            throw stsCall ? invalidClientToken()
                    : new AwsError(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                            .detail("AWSAccessKeyId", credential.accessKeyId());
        }
        if (identity.temporary()) {
            String token = request.http.header("x-amz-security-token");
            if (token == null) {
                throw stsCall ? invalidClientToken()
                        : new AwsError(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                                .detail("AWSAccessKeyId", credential.accessKeyId());
            }
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    identity.sessionToken().getBytes(StandardCharsets.UTF_8))) {
                throw stsCall ? invalidClientToken()
                        : new AwsError(400, "InvalidToken", "The provided token is malformed or otherwise invalid.");
            }
        }
        try {
            request.payload = SignatureV4.verify(request.http, credential, identity.secretAccessKey());
        } catch (SignatureV4.Mismatch mismatch) {
            throw stsCall
                    ? new AwsError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                            + "signature you provided. Check your AWS Secret Access Key and signing method. "
                            + "Consult the service documentation for details.")
                    : new AwsError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                            + "signature you provided. Check your key and signing method.")
                            .detail("AWSAccessKeyId", credential.accessKeyId())
                            .detail("StringToSign", mismatch.stringToSign())
                            .detail("CanonicalRequest", mismatch.canonicalRequest());
        }
        if (identity.temporary() && !now().isBefore(identity.expiration())) {
            throw stsCall ? new AwsError(403, "ExpiredToken", "The security token included in the request is expired")
                    : new AwsError(400, "ExpiredToken", "The provided token has expired.");
        }
        request.caller = identity;
    }

    private static AwsError invalidClientToken() {
        return new AwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    private static String stsAction(SignatureV4.SignedRequest http) {
        for (String field : new String(http.body(), StandardCharsets.UTF_8).split("&")) {
            if (field.startsWith("Action=")) {
                return field.substring("Action=".length());
            }
        }
        return "";
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }

    private static void send(HttpExchange exchange, AwsRequest request, Response response) {
        try (OutputStream out = exchange.getResponseBody()) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (request.service != Service.S3) {
                exchange.getResponseHeaders().set("x-amzn-RequestId", request.requestId);
            } else {
                exchange.getResponseHeaders().set("x-amz-request-id", request.requestId);
                exchange.getResponseHeaders().set("x-amz-id-2", HOST_ID_PREFIX + request.requestId);
            }
            if (request.http.method().equals("HEAD")) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
                out.write(response.body());
            }
        } catch (IOException e) {
            // The client went away (e.g. its timeout fired during a hang); nothing left to tell it.
            exchange.close();
        }
    }

    /** What a service answers: status, headers, body, and the error code for the call log. */
    record Response(int status, Map<String, String> headers, byte[] body, String errorCode) {

        static Response ok(int status, Map<String, String> headers, String xml) {
            return new Response(status, headers, xml.getBytes(StandardCharsets.UTF_8), null);
        }
    }
}

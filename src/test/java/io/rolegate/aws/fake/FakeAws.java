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
 */
public final class FakeAws implements AutoCloseable {

    /** The services the fake serves, told apart by the service in the signature's credential scope. */
    public enum Service { STS, S3 }

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

    private final Map<Service, AtomicInteger> throttles = new EnumMap<>(Map.of(Service.STS, new AtomicInteger(),
            Service.S3, new AtomicInteger()));
    private final Map<Service, AtomicInteger> serverErrors = new EnumMap<>(Map.of(Service.STS, new AtomicInteger(),
            Service.S3, new AtomicInteger()));
    private final Map<String, AtomicInteger> operationThrottles = new ConcurrentHashMap<>();
    private final Map<Service, Duration> hangs = new ConcurrentHashMap<>();
    private final Map<Service, AtomicInteger> hangsLeft = new EnumMap<>(Map.of(Service.STS, new AtomicInteger(),
            Service.S3, new AtomicInteger()));
    volatile Policy s3EndpointPolicy;
    volatile Policy vendorPolicy;
    final Set<String> disabledStsRegions = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean vendorCredentialsInvalid;
    private volatile CountDownLatch releaseDelays = new CountDownLatch(1);

    private final Sts sts = new Sts(this);
    private final S3 s3 = new S3(this);

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

    /** Both STS and S3 live here; point each SDK client at it with {@code endpointOverride}. */
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

    /** Stores an object; {@code kmsKeyArn} non-null makes it SSE-KMS, readable only with kms:Decrypt on that key. */
    public void object(String bucket, String key, byte[] content, String kmsKeyArn) {
        existingBucket(bucket).objects.put(key, storedObject(key, content, kmsKeyArn));
    }

    private Bucket existingBucket(String bucket) {
        Bucket target = buckets.get(bucket);
        if (target == null) {
            throw new IllegalArgumentException("no bucket " + bucket);
        }
        return target;
    }

    static Bucket.StoredObject storedObject(String key, byte[] content, String kmsKeyArn) {
        try {
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
            return new Bucket.StoredObject(key, content.clone(), kmsKeyArn, etag, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fake's current time: the clock plus every {@link #advanceTime(Duration)}. */
    public Instant now() {
        return clock.instant().plus(timeOffset);
    }

    public void advanceTime(Duration duration) {
        timeOffset = timeOffset.plus(duration);
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

    /** The next {@code times} calls to the service answer STS 400 {@code Throttling} or S3 503 {@code SlowDown}. */
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
        return service == Service.STS ? new AwsError(400, "Throttling", "Rate exceeded")
                : new AwsError(503, "SlowDown", "Please reduce your request rate.");
    }

    /** The next {@code times} calls answer STS 500 {@code InternalFailure} or S3 500 {@code InternalError}. */
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

    /** Undoes every fault switch (roles, buckets and the call log stay). */
    public void clearFaults() {
        releaseHangs();
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

    public void clearCalls() {
        calls.clear();
        arrivals.clear();
    }

    /**
     * A request as it reached the fake, before any hang or answer. {@code action} is the STS {@code Action}
     * parameter, or the S3 method and path; {@code at} is the fake's time of arrival.
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
            request = new AwsRequest(service, http, service == Service.STS
                    ? UUID.randomUUID().toString() : random("0123456789ABCDEF", 16));
            arrivals.add(new Arrival(service, service == Service.STS ? stsAction(http)
                    : exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(), now()));
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
                throw request.service == Service.STS ? new AwsError(500, "InternalFailure", "An internal error occurred.")
                        : new AwsError(500, "InternalError", "We encountered an internal error. Please try again.");
            }
            authenticate(request, credential);
            return request.service == Service.STS ? sts.handle(request) : s3.handle(request);
        } catch (AwsError error) {
            return request.service == Service.STS ? sts.error(request, error) : s3.error(request, error);
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

    /** Without a signature, a POST to / is taken for STS (like the global endpoint) and anything else for S3. */
    private static Service serviceOf(SignatureV4.Credential credential, SignatureV4.SignedRequest http) {
        if (credential != null) {
            return credential.service().equals("sts") ? Service.STS : Service.S3;
        }
        return http.method().equals("POST") && http.rawPath().equals("/") ? Service.STS : Service.S3;
    }

    private void authenticate(AwsRequest request, SignatureV4.Credential credential) {
        boolean stsCall = request.service == Service.STS;
        if (credential == null) {
            throw stsCall ? new AwsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
                    : new AwsError(403, "AccessDenied", "Access Denied");
        }
        if (!credential.service().equals("sts") && !credential.service().equals("s3")) {
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
            if (request.service == Service.STS) {
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

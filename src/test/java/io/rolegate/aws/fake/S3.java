package io.rolegate.aws.fake;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 REST with path-style addressing. Every operation finds the bucket (404), checks the region (301), then
 * authorises against the caller's role permission policy (403) before it touches data, as S3 does.
 */
final class S3 {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    /** The endpoint the vendor's requests come through once {@link FakeAws#s3VpcEndpointPolicy} is set. */
    static final String VENDOR_VPC_ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final FakeAws aws;

    S3(FakeAws aws) {
        this.aws = aws;
    }

    FakeAws.Response handle(AwsRequest request) {
        String[] path = request.http.rawPath().substring(1).split("/", 2);
        Map<String, String> query = request.query();
        String method = request.http.method();
        request.bucket = path[0].isEmpty() ? null : SignatureV4.percentDecode(path[0]);
        request.key = path.length < 2 || path[1].isEmpty() ? null : SignatureV4.percentDecode(path[1]);
        request.operation = operation(method, request.key != null, query);
        if (request.operation == null || request.bucket == null) {
            throw new AwsError(501, "NotImplemented", "A header you provided implies functionality that is not implemented");
        }
        aws.throttleOperation(request);
        Bucket bucket = aws.buckets.get(request.bucket);
        // Each partition has its own bucket namespace: a bucket of another partition does not exist here.
        if (bucket == null || !FakeAws.partitionOf(bucket.region).equals(FakeAws.partitionOf(request.region))) {
            throw new AwsError(404, "NoSuchBucket", "The specified bucket does not exist")
                    .detail("BucketName", request.bucket);
        }
        // Like S3, GetBucketLocation answers from any region; everything else must be sent to the bucket's region.
        if (!request.operation.equals("GetBucketLocation") && !bucket.region.equals(request.region)) {
            throw new AwsError(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                    + "using the specified endpoint. Please send all future requests to this endpoint.")
                    .detail("Endpoint", "s3." + bucket.region + "." + FakeAws.dnsSuffix(FakeAws.partitionOf(bucket.region)))
                    .detail("Bucket", bucket.name)
                    .header("x-amz-bucket-region", bucket.region);
        }
        return switch (request.operation) {
            case "GetBucketLocation" -> bucketLocation(request, bucket);
            case "ListObjectsV2" -> listObjects(request, bucket, query);
            case "HeadBucket" -> headBucket(request, bucket);
            case "GetObject", "HeadObject" -> readObject(request, bucket);
            case "PutObject" -> putObject(request, bucket);
            default -> deleteObject(request, bucket);
        };
    }

    private static String operation(String method, boolean hasKey, Map<String, String> query) {
        if (hasKey) {
            return switch (method) {
                case "GET" -> "GetObject";
                case "HEAD" -> "HeadObject";
                case "PUT" -> "PutObject";
                case "DELETE" -> "DeleteObject";
                default -> null;
            };
        }
        if (method.equals("HEAD")) {
            return "HeadBucket";
        }
        if (method.equals("GET") && query.containsKey("location")) {
            return "GetBucketLocation";
        }
        if (method.equals("GET") && "2".equals(query.get("list-type"))) {
            return "ListObjectsV2";
        }
        return null;
    }

    private FakeAws.Response bucketLocation(AwsRequest request, Bucket bucket) {
        authorize(request, bucket, "s3:GetBucketLocation", bucketArn(request, bucket), Map.of());
        // us-east-1 is the one region S3 reports as an empty LocationConstraint.
        String location = bucket.region.equals("us-east-1") ? "" : Xml.escape(bucket.region);
        return xml(200, "<LocationConstraint xmlns=\"" + NAMESPACE + "\">" + location + "</LocationConstraint>");
    }

    private FakeAws.Response listObjects(AwsRequest request, Bucket bucket, Map<String, String> query) {
        request.prefix = query.get("prefix");
        String delimiter = query.get("delimiter");
        Map<String, String> context = new HashMap<>();
        if (request.prefix != null) {
            context.put("s3:prefix", request.prefix);
        }
        if (delimiter != null) {
            context.put("s3:delimiter", delimiter);
        }
        authorize(request, bucket, "s3:ListBucket", bucketArn(request, bucket), context);
        int maxKeys = maxKeys(query.get("max-keys"));
        String prefix = request.prefix == null ? "" : request.prefix;
        String continuation = query.get("continuation-token");
        String after = continuation != null
                ? new String(Base64.getDecoder().decode(continuation), StandardCharsets.UTF_8)
                : query.getOrDefault("start-after", "");
        NavigableMap<String, Bucket.StoredObject> candidates = bucket.objects.tailMap(after, false);

        List<Bucket.StoredObject> contents = new ArrayList<>();
        TreeSet<String> commonPrefixes = new TreeSet<>();
        String last = null;
        boolean truncated = false;
        for (Bucket.StoredObject object : candidates.values()) {
            if (!object.key().startsWith(prefix)) {
                continue;
            }
            String rolledUp = rolledUp(object.key(), prefix, delimiter);
            if (rolledUp != null && commonPrefixes.contains(rolledUp)) {
                continue;
            }
            if (contents.size() + commonPrefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (rolledUp != null) {
                commonPrefixes.add(rolledUp);
                last = rolledUp + Character.MAX_VALUE;
            } else {
                contents.add(object);
                last = object.key();
            }
        }
        StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"" + NAMESPACE + "\">")
                .append(Xml.element("Name", bucket.name))
                .append(Xml.element("Prefix", prefix));
        if (delimiter != null) {
            xml.append(Xml.element("Delimiter", delimiter));
        }
        if (continuation != null) {
            xml.append(Xml.element("ContinuationToken", continuation));
        }
        xml.append(Xml.element("KeyCount", contents.size() + commonPrefixes.size()))
                .append(Xml.element("MaxKeys", maxKeys))
                .append(Xml.element("IsTruncated", truncated));
        if (truncated) {
            xml.append(Xml.element("NextContinuationToken",
                    Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8))));
        }
        for (Bucket.StoredObject object : contents) {
            xml.append("<Contents>")
                    .append(Xml.element("Key", object.key()))
                    .append(Xml.element("LastModified", ISO_MILLIS.format(object.lastModified())))
                    .append(Xml.element("ETag", object.etag()))
                    .append(Xml.element("Size", object.content().length))
                    .append(Xml.element("StorageClass", "STANDARD"))
                    .append("</Contents>");
        }
        for (String commonPrefix : commonPrefixes) {
            xml.append("<CommonPrefixes>").append(Xml.element("Prefix", commonPrefix)).append("</CommonPrefixes>");
        }
        return xml(200, xml.append("</ListBucketResult>").toString());
    }

    private static String rolledUp(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static int maxKeys(String text) {
        if (text == null) {
            return 1000;
        }
        if (!text.matches("\\d{1,9}")) {
            throw new AwsError(400, "InvalidArgument", "Provided max-keys not an integer or within integer range")
                    .detail("ArgumentName", "max-keys").detail("ArgumentValue", text);
        }
        return Math.min(1000, Integer.parseInt(text));
    }

    private FakeAws.Response headBucket(AwsRequest request, Bucket bucket) {
        authorize(request, bucket, "s3:ListBucket", bucketArn(request, bucket), Map.of());
        return new FakeAws.Response(200, Map.of("x-amz-bucket-region", bucket.region), new byte[0], null);
    }

    /** GetObject and HeadObject: S3 authorises, then KMS decrypts (reads only), then the range is checked. */
    private FakeAws.Response readObject(AwsRequest request, Bucket bucket) {
        boolean get = request.operation.equals("GetObject");
        if (get) {
            request.range = request.http.header("range");
        }
        Bucket.StoredObject object = bucket.objects.get(request.key);
        if (object == null) {
            // S3 only admits that a key is missing to callers who may list the bucket.
            authorize(request, bucket, "s3:ListBucket", bucketArn(request, bucket), Map.of());
            throw new AwsError(404, "NoSuchKey", "The specified key does not exist.").detail("Key", request.key);
        }
        authorize(request, bucket, "s3:GetObject", objectArn(request, bucket), Map.of());
        if (get && object.kmsKeyArn() != null) {
            authorizeDecrypt(request, bucket, object.kmsKeyArn());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Last-Modified", HTTP_DATE.format(object.lastModified()));
        headers.put("ETag", object.etag());
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Type", object.contentType() == null ? "binary/octet-stream" : object.contentType());
        if (object.kmsKeyArn() == null) {
            headers.put("x-amz-server-side-encryption", "AES256");
        } else {
            headers.put("x-amz-server-side-encryption", "aws:kms");
            headers.put("x-amz-server-side-encryption-aws-kms-key-id", object.kmsKeyArn());
        }
        byte[] content = object.content();
        long[] range = get ? range(request.range, content.length) : null;
        if (range == null) {
            headers.put("Content-Length", String.valueOf(content.length));
            return new FakeAws.Response(200, headers, get ? content : new byte[0], null);
        }
        headers.put("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + content.length);
        return new FakeAws.Response(206, headers, Arrays.copyOfRange(content, (int) range[0], (int) range[1] + 1), null);
    }

    /** Returns null to serve the whole object (no or unparseable Range, which S3 ignores); 416 when unsatisfiable. */
    private static long[] range(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher matcher = RANGE.matcher(header.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
            if (suffix == 0) {
                first = size;
            }
        } else {
            first = Long.parseLong(matcher.group(1));
            last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            if (last < first && first < size) {
                return null;
            }
        }
        if (first >= size) {
            throw new AwsError(416, "InvalidRange", "The requested range is not satisfiable")
                    .detail("RangeRequested", header)
                    .detail("ActualObjectSize", String.valueOf(size))
                    .header("Content-Range", "bytes */" + size);
        }
        return new long[] {first, last};
    }

    private FakeAws.Response putObject(AwsRequest request, Bucket bucket) {
        authorize(request, bucket, "s3:PutObject", objectArn(request, bucket), Map.of());
        Bucket.StoredObject object = FakeAws.storedObject(request.key, request.payload, null,
                request.http.header("content-type"));
        bucket.objects.put(request.key, object);
        return new FakeAws.Response(200, Map.of("ETag", object.etag(), "x-amz-server-side-encryption", "AES256"),
                new byte[0], null);
    }

    private FakeAws.Response deleteObject(AwsRequest request, Bucket bucket) {
        authorize(request, bucket, "s3:DeleteObject", objectArn(request, bucket), Map.of());
        bucket.objects.remove(request.key);
        return new FakeAws.Response(204, Map.of(), new byte[0], null);
    }

    /**
     * S3's decision: the role's permission policy, the bucket policy and the policy of the VPC endpoint the request
     * came through. A Deny in any of them refuses; otherwise a role of the bucket owner's account needs an Allow in
     * its own policy or the bucket policy, a role of another account in both, and the endpoint must allow it too.
     * The refusal names the policy type as S3 does within one organization (IAM User Guide, "Access denied error
     * messages"; Amazon S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors"); a bucket marked
     * {@link Bucket#plainDenials} answers a bare "Access Denied", as S3 does across organizations.
     */
    private void authorize(AwsRequest request, Bucket bucket, String action, String resource, Map<String, String> extra) {
        Identity caller = request.caller;
        CustomerRole role = caller.roleArn() == null ? null : aws.roles.get(caller.roleArn());
        Map<String, String> context = new HashMap<>(extra);
        context.put("aws:PrincipalArn", caller.principalArn());
        context.put("aws:PrincipalAccount", caller.account());
        context.put("aws:RequestedRegion", request.region);
        context.put("s3:ResourceAccount", bucket.ownerAccountId);
        Policy endpoint = aws.s3EndpointPolicy;
        if (endpoint != null) {
            context.put("aws:SourceVpce", VENDOR_VPC_ENDPOINT);
        }
        Policy.Request asked = new Policy.Request(caller, action, resource, context);
        // A vendor user (no role) is judged by its own identity policy, e.g. PutObject into the vendor's bucket.
        Policy.Decision identity = role == null ? aws.vendorIdentityDecision(asked) : role.evaluate(asked);
        Policy.Decision resourcePolicy = bucket.policy == null ? Policy.Decision.IMPLICIT_DENY : bucket.policy.evaluate(asked);
        Policy.Decision vpcEndpoint = endpoint == null ? Policy.Decision.ALLOW : endpoint.evaluate(asked);
        boolean sameAccount = bucket.ownerAccountId.equals(caller.account());
        String because = null;
        if (identity == Policy.Decision.EXPLICIT_DENY) {
            because = "with an explicit deny in an identity-based policy";
        } else if (resourcePolicy == Policy.Decision.EXPLICIT_DENY) {
            because = "with an explicit deny in a resource-based policy";
        } else if (vpcEndpoint == Policy.Decision.EXPLICIT_DENY) {
            because = "with an explicit deny in a VPC endpoint policy";
        } else if (!sameAccount && resourcePolicy != Policy.Decision.ALLOW) {
            because = "because no resource-based policy allows the " + action + " action";
        } else if (sameAccount ? identity != Policy.Decision.ALLOW && resourcePolicy != Policy.Decision.ALLOW
                : identity != Policy.Decision.ALLOW) {
            because = "because no identity-based policy allows the " + action + " action";
        } else if (vpcEndpoint != Policy.Decision.ALLOW) {
            because = "because no VPC endpoint policy allows the " + action + " action";
        }
        if (because != null) {
            throw bucket.plainDenials ? new AwsError(403, "AccessDenied", "Access Denied")
                    : denied(caller, action, "\"" + resource + "\"", because);
        }
    }

    /**
     * SSE-KMS: S3 asks KMS to decrypt on the caller's behalf, so the role needs kms:Decrypt via this S3 region. A key
     * policy that names an account leaves the decision to that account's IAM policies; one that names the role
     * allows it by itself. For a key of another account both must allow it, and KMS does not tell that caller
     * which: it answers that the ciphertext refers to a key that does not exist or may not be accessed.
     */
    private void authorizeDecrypt(AwsRequest request, Bucket bucket, String keyArn) {
        Identity caller = request.caller;
        CustomerRole role = caller.roleArn() == null ? null : aws.roles.get(caller.roleArn());
        Map<String, String> context = new HashMap<>();
        context.put("aws:PrincipalArn", caller.principalArn());
        context.put("kms:ViaService", "s3." + bucket.region + "." + FakeAws.dnsSuffix(FakeAws.partitionOf(bucket.region)));
        context.put("kms:CallerAccount", caller.account());
        Policy.Request asked = new Policy.Request(caller, "kms:Decrypt", keyArn, context);
        String keyAccount = keyArn.split(":", 6)[4];
        Policy keyPolicy = aws.keyPolicies.getOrDefault(keyArn, Policy.parse(Policy.Kind.RESOURCE, """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:%s:iam::%s:root"},
                 "Action": "kms:*", "Resource": "*"}}""".formatted(Arns.partition(keyArn), keyAccount)));
        Policy.Decision identity = role == null ? Policy.Decision.IMPLICIT_DENY : role.evaluate(asked);
        Policy.Decision byKeyPolicy = keyPolicy.evaluate(asked);
        boolean keyAllowsRoleItself = keyPolicy.evaluate(asked, false) == Policy.Decision.ALLOW;
        boolean allowed = identity != Policy.Decision.EXPLICIT_DENY && byKeyPolicy == Policy.Decision.ALLOW
                && (identity == Policy.Decision.ALLOW || keyAllowsRoleItself && keyAccount.equals(caller.account()));
        if (allowed) {
            return;
        }
        if (!keyAccount.equals(caller.account())) {
            throw new AwsError(403, "AccessDenied", "The ciphertext refers to a customer master key that does not "
                    + "exist, does not exist in this region, or you are not allowed to access.");
        }
        String because;
        if (identity == Policy.Decision.EXPLICIT_DENY) {
            because = "with an explicit deny in an identity-based policy";
        } else if (byKeyPolicy == Policy.Decision.EXPLICIT_DENY) {
            because = "with an explicit deny in a resource-based policy";
        } else if (byKeyPolicy != Policy.Decision.ALLOW) {
            because = "because no resource-based policy allows the kms:Decrypt action";
        } else {
            because = "because no identity-based policy allows the kms:Decrypt action";
        }
        throw bucket.plainDenials ? new AwsError(403, "AccessDenied", "Access Denied")
                : denied(caller, "kms:Decrypt", keyArn, because);
    }

    private static AwsError denied(Identity caller, String action, String resource, String because) {
        return new AwsError(403, "AccessDenied", "User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + " " + because);
    }

    private static String bucketArn(AwsRequest request, Bucket bucket) {
        return "arn:" + Arns.partition(request.caller.arn()) + ":s3:::" + bucket.name;
    }

    private static String objectArn(AwsRequest request, Bucket bucket) {
        return bucketArn(request, bucket) + "/" + request.key;
    }

    private static FakeAws.Response xml(int status, String body) {
        return FakeAws.Response.ok(status, Map.of("Content-Type", "application/xml"), XML_DECLARATION + body);
    }

    /** S3's error document; HEAD answers carry only the status and headers, as S3's do. */
    FakeAws.Response error(AwsRequest request, AwsError error) {
        StringBuilder xml = new StringBuilder(XML_DECLARATION).append("<Error>")
                .append(Xml.element("Code", error.code()))
                .append(Xml.element("Message", error.getMessage()));
        error.details().forEach((element, value) -> xml.append(Xml.element(element, value)));
        xml.append(Xml.element("RequestId", request.requestId))
                .append(Xml.element("HostId", Base64.getEncoder().encodeToString(request.requestId.getBytes(StandardCharsets.UTF_8))))
                .append("</Error>");
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("Content-Type", "application/xml");
        byte[] body = request.http.method().equals("HEAD") ? new byte[0] : xml.toString().getBytes(StandardCharsets.UTF_8);
        return new FakeAws.Response(error.status(), headers, body, error.code());
    }
}

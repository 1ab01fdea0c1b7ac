package io.rolegate.aws.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The STS Query API: AssumeRole and GetCallerIdentity, with AWS's validation, trust evaluation and XML. */
final class Sts {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    private static final Map<String, String> XML = Map.of("Content-Type", "text/xml");

    private final FakeAws aws;

    Sts(FakeAws aws) {
        this.aws = aws;
    }

    FakeAws.Response handle(AwsRequest request) {
        Map<String, String> form = request.form();
        request.operation = form.get("Action");
        if (!request.http.method().equals("POST") || !"2011-06-15".equals(form.get("Version"))) {
            throw new AwsError(400, "InvalidAction", "Could not find operation " + request.operation
                    + " for version " + form.get("Version"));
        }
        aws.throttleOperation(request);
        if (aws.disabledStsRegions.contains(request.region)) {
            String account = Arns.ROLE.matcher(form.getOrDefault("RoleArn", "")).matches()
                    ? Arns.role(form.get("RoleArn")).group(2) : request.caller.account();
            throw new AwsError(403, "RegionDisabledException", "STS is not activated in this region for account:"
                    + account + ". Your account administrator can activate STS in this region using the IAM Console.");
        }
        if ("AssumeRole".equals(request.operation)) {
            return assumeRole(request, form);
        }
        if ("GetCallerIdentity".equals(request.operation)) {
            return callerIdentity(request);
        }
        throw new AwsError(400, "InvalidAction", "Could not find operation " + request.operation + " for version 2011-06-15");
    }

    private FakeAws.Response assumeRole(AwsRequest request, Map<String, String> form) {
        request.roleArn = form.get("RoleArn");
        request.roleSessionName = form.get("RoleSessionName");
        request.externalId = form.get("ExternalId");
        request.sourceIdentity = form.get("SourceIdentity");
        String durationText = form.get("DurationSeconds");
        validate(request, durationText);
        int durationSeconds = durationText == null ? 3600 : Integer.parseInt(durationText);

        callerMayAssume(request);
        CustomerRole role = aws.roles.get(request.roleArn);
        // A role of another partition does not exist at this endpoint: STS answers as for a missing role.
        if (role == null || !role.partition.equals(FakeAws.partitionOf(request.region)) || role.propagating(aws.now())) {
            throw accessDenied(request.caller, "sts:AssumeRole", request.roleArn);
        }
        Map<String, String> context = new HashMap<>();
        context.put("aws:PrincipalArn", request.caller.principalArn());
        context.put("aws:PrincipalAccount", request.caller.account());
        context.put("aws:userid", request.caller.userId());
        context.put("aws:RequestedRegion", request.region);
        context.put("sts:RoleSessionName", request.roleSessionName);
        if (request.externalId != null) {
            context.put("sts:ExternalId", request.externalId);
        }
        if (request.sourceIdentity != null) {
            context.put("sts:SourceIdentity", request.sourceIdentity);
        }
        if (role.trust.evaluate(new Policy.Request(request.caller, "sts:AssumeRole", role.arn, context))
                != Policy.Decision.ALLOW) {
            throw accessDenied(request.caller, "sts:AssumeRole", role.arn);
        }
        if (request.sourceIdentity != null && role.trust.evaluate(
                new Policy.Request(request.caller, "sts:SetSourceIdentity", role.arn, context)) != Policy.Decision.ALLOW) {
            throw accessDenied(request.caller, "sts:SetSourceIdentity", role.arn);
        }
        // Role chaining caps sessions at one hour whatever the role allows.
        Duration maximum = request.caller.temporary() ? Duration.ofHours(1) : role.maxSessionDuration;
        if (durationSeconds > maximum.toSeconds()) {
            throw new AwsError(400, "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Identity session = aws.issueSession(role, request.roleSessionName, Duration.ofSeconds(durationSeconds));
        return ok(request, "AssumeRole", ""
                + (request.sourceIdentity == null ? "" : Xml.element("SourceIdentity", request.sourceIdentity))
                + "<AssumedRoleUser>"
                + Xml.element("AssumedRoleId", session.userId())
                + Xml.element("Arn", session.arn())
                + "</AssumedRoleUser>"
                + "<Credentials>"
                + Xml.element("AccessKeyId", session.accessKeyId())
                + Xml.element("SecretAccessKey", session.secretAccessKey())
                + Xml.element("SessionToken", session.sessionToken())
                + Xml.element("Expiration", DateTimeFormatter.ISO_INSTANT.format(session.expiration()))
                + "</Credentials>");
    }

    /**
     * The caller's own identity policy must allow sts:AssumeRole too; its refusal names the policy type as the IAM
     * User Guide's "Access denied error messages" shows, unlike a trust policy's, which STS does not explain.
     */
    private void callerMayAssume(AwsRequest request) {
        Policy vendorPolicy = aws.vendorPolicy;
        if (vendorPolicy == null || !FakeAws.VENDOR_USER_ARN.equals(request.caller.arn())) {
            return;
        }
        Policy.Decision decision = vendorPolicy.evaluate(new Policy.Request(request.caller, "sts:AssumeRole",
                request.roleArn, Map.of("aws:RequestedRegion", request.region)));
        if (decision != Policy.Decision.ALLOW) {
            throw new AwsError(403, "AccessDenied", accessDenied(request.caller, "sts:AssumeRole", request.roleArn)
                    .getMessage() + (decision == Policy.Decision.EXPLICIT_DENY
                            ? " with an explicit deny in an identity-based policy"
                            : " because no identity-based policy allows the sts:AssumeRole action"));
        }
    }

    /** The same parameter checks and message shape as STS's model validation. */
    private static void validate(AwsRequest request, String durationText) {
        List<String> problems = new ArrayList<>();
        length(problems, "roleArn", request.roleArn, 20, 2048);
        length(problems, "roleSessionName", request.roleSessionName, 2, 64);
        pattern(problems, "roleSessionName", request.roleSessionName, SESSION_NAME);
        if (request.externalId != null) {
            length(problems, "externalId", request.externalId, 2, 1224);
            pattern(problems, "externalId", request.externalId, EXTERNAL_ID);
        }
        if (request.sourceIdentity != null) {
            length(problems, "sourceIdentity", request.sourceIdentity, 2, 64);
            pattern(problems, "sourceIdentity", request.sourceIdentity, SESSION_NAME);
        }
        if (durationText != null) {
            if (!durationText.matches("\\d{1,9}")) {
                problems.add("Value '" + durationText + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must be an integer");
            } else {
                request.durationSeconds = Integer.valueOf(durationText);
                if (request.durationSeconds < 900) {
                    problems.add("Value '" + durationText + "' at 'durationSeconds' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 900");
                } else if (request.durationSeconds > 43200) {
                    problems.add("Value '" + durationText + "' at 'durationSeconds' failed to satisfy constraint: "
                            + "Member must have value less than or equal to 43200");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AwsError(400, "ValidationError", problems.size() + " validation error"
                    + (problems.size() == 1 ? "" : "s") + " detected: " + String.join("; ", problems));
        }
    }

    private static void length(List<String> problems, String member, String value, int min, int max) {
        if (value == null) {
            problems.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        } else if (value.length() < min) {
            problems.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to " + min);
        } else if (value.length() > max) {
            problems.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + max);
        }
    }

    private static void pattern(List<String> problems, String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    private FakeAws.Response callerIdentity(AwsRequest request) {
        return ok(request, "GetCallerIdentity", Xml.element("Arn", request.caller.arn())
                + Xml.element("UserId", request.caller.userId())
                + Xml.element("Account", request.caller.account()));
    }

    static AwsError accessDenied(Identity caller, String action, String resource) {
        return new AwsError(403, "AccessDenied", "User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource);
    }

    private static FakeAws.Response ok(AwsRequest request, String action, String result) {
        return FakeAws.Response.ok(200, XML, "<" + action + "Response xmlns=\"" + NAMESPACE + "\">\n"
                + "  <" + action + "Result>" + result + "</" + action + "Result>\n"
                + "  <ResponseMetadata>" + Xml.element("RequestId", request.requestId) + "</ResponseMetadata>\n"
                + "</" + action + "Response>\n");
    }

    /** STS errors: Sender for the caller's fault, Receiver for the service's. */
    FakeAws.Response error(AwsRequest request, AwsError error) {
        String xml = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>" + Xml.element("Type", error.status() >= 500 ? "Receiver" : "Sender")
                + Xml.element("Code", error.code()) + Xml.element("Message", error.getMessage()) + "</Error>\n"
                + "  " + Xml.element("RequestId", request.requestId) + "\n"
                + "</ErrorResponse>\n";
        return new FakeAws.Response(error.status(), XML, xml.getBytes(StandardCharsets.UTF_8), error.code());
    }
}

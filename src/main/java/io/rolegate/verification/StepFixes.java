package io.rolegate.verification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.rolegate.aws.AwsFailure.DeniedBy;
import io.rolegate.aws.VendorIdentity;
import io.rolegate.connection.Connection;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.policy.VendorPrincipal;

/**
 * Chooses the fix of each step of a check and the facts it names: the cause comes from AWS's answer as the
 * step recorded it (the kind of policy that refused, the KMS key) and from the steps beside it; the advice from
 * the connection as it is now (its KMS keys, its current external ID). The texts are in {@link CheckMessages};
 * a fix is shown once per code and resource, so a step that repeats another's finding points at it instead.
 */
@ApplicationScoped
public class StepFixes {

    /** Fix keys chosen here rather than named by a code; each exists in both bundles (StepFixesTest). */
    static final String ROLE_POLICY_MISSING = "fix_role_policy_missing";
    static final String ROLE_POLICY_DENIES = "fix_role_policy_denies";
    static final String BUCKET_POLICY_MISSING = "fix_bucket_policy_missing";
    static final String BUCKET_POLICY_DENIES = "fix_bucket_policy_denies";
    static final String SCP_DENIES = "fix_scp_denies";
    static final String RCP_DENIES = "fix_rcp_denies";
    static final String BOUNDARY_DENIES = "fix_boundary_denies";
    static final String LOCATION_UNEXPLAINED = "fix_location_unexplained";
    static final String KMS_ADD_KEY = "fix_kms_add_key";
    static final String KMS_ROLE_POLICY = "fix_kms_role_policy";
    static final String KMS_KEY_POLICY = "fix_kms_key_policy";
    static final String KMS_KEY_POLICY_DENIES = "fix_kms_key_policy_denies";
    static final String KMS_ADD_KEY_AND_KEY_POLICY = "fix_kms_add_key_and_key_policy";
    static final String VENDOR_CREDENTIALS_MISSING = "fix_vendor_credentials_missing";

    /** Fixes that tell the customer to change a bucket or a KMS key of the connection: the check page links its edit page. */
    static final Set<String> EDITING_CONNECTION = Set.of(KMS_ADD_KEY, KMS_ADD_KEY_AND_KEY_POLICY,
            DiagnosisCode.KMS_DECRYPT_DENIED.fixKey(), DiagnosisCode.S3_NO_SUCH_BUCKET.fixKey());

    private static final String S3 = "Amazon S3";
    private static final String STS = "AWS STS";

    private final VendorIdentity vendor;

    StepFixes(VendorIdentity vendor) {
        this.vendor = vendor;
    }

    /** The check as its page shows it, each step with its fix if it needs one. */
    CheckView view(Check check, Connection connection) {
        List<CheckStep> steps = CheckStep.of(check.id);
        Map<Integer, StepFix> fixes = of(check, connection, steps);
        return new CheckView(check, steps.stream()
                .map(step -> new CheckView.StepView(step, step.diagnosis(), fixes.get(step.position))).toList());
    }

    /** The fixes of the steps that need one (a failure or a warning with a code), by step position. */
    Map<Integer, StepFix> of(Check check, Connection connection, List<CheckStep> steps) {
        Map<Integer, CheckStep> byPosition = new HashMap<>();
        steps.forEach(step -> byPosition.put(step.position, step));
        Map<Integer, StepFix> fixes = new HashMap<>();
        Set<String> shown = new HashSet<>();
        Quoted quoted = null; // read once, and only when a step needs a fix: a passed check costs no query
        for (CheckStep step : steps) {
            DiagnosisCode code = step.diagnosis();
            boolean attention = code != null && (step.status == StepStatus.FAIL || step.status == StepStatus.WARN);
            if (attention && shown.add(code.name() + "\n" + step.resource)) {
                quoted = quoted == null ? quoted(connection) : quoted;
                FixFacts facts = facts(check, connection, quoted.principal(), quoted.externalId(), quoted.stsRegion(),
                        step, code, byPosition);
                fixes.put(step.position, new StepFix(key(code, deniedBy(step),
                        step.kmsKeyArn != null, connection.kmsKeyArns.contains(step.kmsKeyArn),
                        listingWorked(step, byPosition), step.awsErrorCode != null), facts));
            }
        }
        return fixes;
    }

    /** What fixes quote besides the step: the vendor principal, the current external ID and the STS region. */
    private record Quoted(String principal, String externalId, String stsRegion) {
    }

    private Quoted quoted(Connection connection) {
        Partition partition = Partition.fromId(connection.partition).orElseThrow();
        Parsed<VendorPrincipal> resolved = vendor.principal(partition);
        String externalId = connection.liveExternalIds().stream().filter(id -> id.state == IssuedExternalId.State.CURRENT)
                .map(id -> id.value).findFirst().orElse(null);
        return new Quoted(resolved instanceof Parsed.Valid<VendorPrincipal> valid ? valid.value().arn() : null,
                externalId, vendor.stsRegion(partition.id(), connection.region));
    }

    /**
     * The text for a code as AWS explained it. A denial AWS attributes to a policy gets the fix for that kind of
     * policy; a KMS refusal the fix for its key, depending on whether the connection lists the key; anything
     * else the code's own fix, which names every place that can refuse.
     */
    static String key(DiagnosisCode code, DeniedBy deniedBy, boolean keyKnown, boolean keyListed,
            boolean listingWorked) {
        return key(code, deniedBy, keyKnown, keyListed, listingWorked, true);
    }

    /**
     * As above; {@code awsAnswered} is false when no AWS error code was recorded: vendor credentials that are
     * missing were never refused by AWS, and the fix must not say they were.
     */
    static String key(DiagnosisCode code, DeniedBy deniedBy, boolean keyKnown, boolean keyListed,
            boolean listingWorked, boolean awsAnswered) {
        return switch (code) {
            case S3_LOCATION_DENIED, S3_LIST_DENIED, S3_READ_DENIED -> {
                if (deniedBy != null && deniedBy != DeniedBy.NOT_STATED) {
                    yield denial(deniedBy);
                }
                yield code == DiagnosisCode.S3_LOCATION_DENIED && listingWorked ? LOCATION_UNEXPLAINED : code.fixKey();
            }
            case KMS_DECRYPT_DENIED -> keyKnown ? kms(deniedBy, keyListed) : code.fixKey();
            case VENDOR_CREDENTIALS -> awsAnswered ? code.fixKey() : VENDOR_CREDENTIALS_MISSING;
            default -> code.fixKey();
        };
    }

    private static String denial(DeniedBy deniedBy) {
        return switch (deniedBy) {
            case IDENTITY_POLICY -> ROLE_POLICY_MISSING;
            case IDENTITY_POLICY_DENY -> ROLE_POLICY_DENIES;
            case RESOURCE_POLICY -> BUCKET_POLICY_MISSING;
            case RESOURCE_POLICY_DENY -> BUCKET_POLICY_DENIES;
            case SERVICE_CONTROL_POLICY -> SCP_DENIES;
            case RESOURCE_CONTROL_POLICY -> RCP_DENIES;
            case PERMISSIONS_BOUNDARY -> BOUNDARY_DENIES;
            case VPC_ENDPOINT_POLICY -> DiagnosisCode.S3_VPC_ENDPOINT_DENIED.fixKey();
            case NOT_STATED -> throw new IllegalArgumentException("no policy named");
        };
    }

    /** The key policy decides for every key; the role's own policy allows only the keys the connection lists. */
    private static String kms(DeniedBy deniedBy, boolean keyListed) {
        if (deniedBy == null || deniedBy == DeniedBy.NOT_STATED || deniedBy == DeniedBy.RESOURCE_POLICY) {
            return keyListed ? KMS_KEY_POLICY : KMS_ADD_KEY_AND_KEY_POLICY;
        }
        return switch (deniedBy) {
            case IDENTITY_POLICY -> keyListed ? KMS_ROLE_POLICY : KMS_ADD_KEY;
            case RESOURCE_POLICY_DENY -> KMS_KEY_POLICY_DENIES;
            default -> denial(deniedBy);
        };
    }

    /** {@code stsRegion}: where the check called STS (the home region in aws, the partition's STS region elsewhere). */
    private static FixFacts facts(Check check, Connection connection, String principal, String externalId,
            String stsRegion, CheckStep step, DiagnosisCode code, Map<Integer, CheckStep> steps) {
        boolean bucketStep = step.position >= StepSlot.bucket(0, 0, StepSlot.BUCKET_LOCATION, null).position();
        String bucket = null;
        String prefix = null;
        if (bucketStep && step.resource != null) {
            int slash = step.resource.indexOf('/');
            bucket = slash < 0 ? step.resource : step.resource.substring(0, slash);
            prefix = slash < 0 || slash == step.resource.length() - 1 ? null : step.resource.substring(slash + 1);
        }
        CheckStep location = bucketStep ? steps.get(locationPosition(step)) : null;
        String bucketRegion = location != null && location.status == StepStatus.PASS && location.note != null
                ? location.note : connection.region;
        String bucketArn = "arn:" + connection.partition + ":s3:::" + bucket;
        String action = null;
        String resourceArn = null;
        String condition = "";
        if (code == DiagnosisCode.KMS_DECRYPT_DENIED) {
            action = "kms:Decrypt";
            resourceArn = step.kmsKeyArn;
        } else if (StepSlot.BUCKET_LOCATION.equals(step.name)) {
            action = "s3:GetBucketLocation";
            resourceArn = bucketArn;
        } else if (StepSlot.LIST_OBJECTS.equals(step.name)) {
            action = "s3:ListBucket";
            resourceArn = bucketArn;
            condition = prefix == null ? "" : " (StringLike s3:prefix \"" + prefix + "*\")";
        } else if (StepSlot.READ_OBJECT.equals(step.name)) {
            action = "s3:GetObject";
            resourceArn = bucketArn + "/" + (prefix == null ? "" : prefix) + "*";
        }
        return new FixFacts(connection.partition, connection.accountId, connection.region, check.roleArn,
                FixFacts.arnPart(check.roleArn, 4), FixFacts.arnPart(check.roleArn, 1), check.sessionName, principal, externalId, bucket, prefix, bucketRegion,
                StepSlot.READ_OBJECT.equals(step.name) ? step.note : null, action, resourceArn, condition,
                step.kmsKeyArn, bucketStep ? S3 : STS, bucketStep ? bucketRegion : stsRegion);
    }

    private static DeniedBy deniedBy(CheckStep step) {
        return step.deniedBy == null ? null
                : Arrays.stream(DeniedBy.values()).filter(value -> value.name().equals(step.deniedBy)).findFirst()
                        .orElse(null);
    }

    /** Whether the listing of the step's bucket passed: the role's grant covers that bucket then. */
    private static boolean listingWorked(CheckStep step, Map<Integer, CheckStep> steps) {
        if (!StepSlot.BUCKET_LOCATION.equals(step.name)) {
            return false;
        }
        CheckStep listing = steps.get(step.position + 1);
        return listing != null && listing.status == StepStatus.PASS;
    }

    /** The three steps of a bucket sit together, GetBucketLocation first (StepSlot#bucket). */
    private static int locationPosition(CheckStep step) {
        int first = StepSlot.bucket(0, 0, StepSlot.BUCKET_LOCATION, null).position();
        return step.position - (step.position - first) % 3;
    }
}

package io.rolegate.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rolegate.connection.AccountId;
import io.rolegate.connection.BucketGrant;
import io.rolegate.connection.ConnectionRequest;
import io.rolegate.connection.ExternalId;
import io.rolegate.connection.KmsKeyArn;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;

/**
 * Everything the customer-facing artifacts say about one connection. Every artifact is rendered
 * from one model, so the trust policy, permission policy, template, Terraform and CLI cannot disagree.
 *
 * @param roleName the name of the existing role once its ARN is known, else the name the artifacts give the role they create
 * @param externalIds the current external ID first; during a rotation also the one being retired
 * @param existingRole the customer's role once its ARN is known: the artifacts then update it instead of creating it (PRODUCT §4)
 * @param registration the template's registration resource (PRODUCT §12); empty when automatic registration is not configured
 */
public record PolicyModel(String connectionId, String label, Partition partition, String homeRegion,
                          AccountId customerAccount, String roleName, List<ExternalId> externalIds,
                          List<BucketGrant> buckets, List<KmsKeyArn> kmsKeys, VendorPrincipal vendorPrincipal,
                          Optional<RoleArn> existingRole, Optional<Registration> registration) {

    /**
     * What the template's {@code Custom::RolegateRegistration} resource tells Rolegate through CloudFormation.
     *
     * @param serviceToken the vendor's SNS topic ARN in the stack's partition and region
     * @param token the registration token of the current external ID (connection/RegistrationTokens)
     */
    public record Registration(String serviceToken, String token) {

        /** An SNS topic ARN ({@code arn:{partition}:sns:{region}:{account}:{name}}) and a token of letters, digits and hyphens. */
        private static final Pattern TOPIC = Pattern.compile("arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}");
        private static final Pattern TOKEN = Pattern.compile("[a-z0-9-]{32,128}");

        public Registration {
            require(serviceToken != null && TOPIC.matcher(serviceToken).matches(), "the service token must be an SNS topic ARN");
            require(token != null && TOKEN.matcher(token).matches(), "the registration token is letters, digits and hyphens");
        }
    }

    public static final String ROLE_NAME_PREFIX = "rolegate-";
    public static final String POLICY_NAME = "rolegate-read";
    public static final int MAX_SESSION_DURATION_SECONDS = 3600;

    /** Letters, digits and hyphens: safe in role and stack names, URLs and file paths. */
    private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9-]{1,55}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    public PolicyModel {
        externalIds = List.copyOf(externalIds);
        buckets = List.copyOf(buckets);
        kmsKeys = List.copyOf(kmsKeys);
        require(connectionId != null && CONNECTION_ID.matcher(connectionId).matches(), "connection ID must be 1-55 letters, digits or hyphens");
        require(label != null, "label is required");
        require(partition != null && partition.hasRegion(homeRegion), "home region must belong to the partition");
        require(customerAccount != null, "customer account is required");
        require(roleName != null && ROLE_NAME.matcher(roleName).matches(), "role name must follow IAM's rules");
        require(!externalIds.isEmpty() && externalIds.size() <= 2 && new HashSet<>(externalIds).size() == externalIds.size(),
                "one external ID, or two different ones during a rotation");
        require(!buckets.isEmpty(), "at least one bucket");
        require(buckets.stream().allMatch(grant -> grant.firstCharacterBeyondIam() < 0),
                "prefixes hold only characters IAM accepts in policy documents (docs/artifacts.md)");
        require(kmsKeys.stream().allMatch(key -> key.partition() == partition), "KMS keys must be in the connection's partition");
        require(vendorPrincipal != null && vendorPrincipal.partitionId().equals(partition.id()), "vendor principal must be in the connection's partition");
        require(existingRole != null && existingRole.stream().allMatch(role -> role.partition() == partition
                && role.account().equals(customerAccount) && role.name().equals(roleName)), "the existing role is the connection's and carries the role name");
        require(registration != null && registration.stream().allMatch(r -> r.serviceToken().startsWith("arn:" + partition.id() + ":sns:" + homeRegion + ":")),
                "the registration topic is in the connection's partition and home region");
    }

    /** A model without the registration resource. */
    public PolicyModel(String connectionId, String label, Partition partition, String homeRegion, AccountId customerAccount,
                       String roleName, List<ExternalId> externalIds, List<BucketGrant> buckets, List<KmsKeyArn> kmsKeys,
                       VendorPrincipal vendorPrincipal, Optional<RoleArn> existingRole) {
        this(connectionId, label, partition, homeRegion, customerAccount, roleName, externalIds, buckets, kmsKeys, vendorPrincipal,
                existingRole, Optional.empty());
    }

    /** A model of a role that does not exist yet: the artifacts create it. */
    public PolicyModel(String connectionId, String label, Partition partition, String homeRegion, AccountId customerAccount,
                       String roleName, List<ExternalId> externalIds, List<BucketGrant> buckets, List<KmsKeyArn> kmsKeys,
                       VendorPrincipal vendorPrincipal) {
        this(connectionId, label, partition, homeRegion, customerAccount, roleName, externalIds, buckets, kmsKeys, vendorPrincipal,
                Optional.empty());
    }

    /** The model of a validated connection, with the role name Rolegate suggests. */
    public static PolicyModel of(String connectionId, ConnectionRequest request, List<ExternalId> externalIds, VendorPrincipal vendorPrincipal) {
        return new PolicyModel(connectionId, request.label(), request.partition(), request.region(), request.accountId(),
                suggestedRoleName(connectionId), externalIds, request.buckets(), request.kmsKeyArns(), vendorPrincipal);
    }

    /** A role name unique per connection, so one customer account can hold several connections. */
    public static String suggestedRoleName(String connectionId) {
        return ROLE_NAME_PREFIX + connectionId;
    }

    public ExternalId currentExternalId() {
        return externalIds.get(0);
    }

    /** The same model once the role's ARN is known: the artifacts then update that role, by its name and path. */
    public PolicyModel withExistingRole(RoleArn role) {
        return new PolicyModel(connectionId, label, partition, homeRegion, customerAccount, role.name(), externalIds, buckets, kmsKeys,
                vendorPrincipal, Optional.of(role), registration);
    }

    /** The same model with the template's registration resource (PRODUCT §12). */
    public PolicyModel withRegistration(Registration resource) {
        return new PolicyModel(connectionId, label, partition, homeRegion, customerAccount, roleName, externalIds, buckets, kmsKeys,
                vendorPrincipal, existingRole, Optional.of(resource));
    }

    /** True once the role's ARN is known: every artifact shows how to update it rather than create it again. */
    public boolean updatesRole() {
        return existingRole.isPresent();
    }

    /** The role's path: the existing role's, else {@code /}. */
    public String rolePath() {
        return existingRole.map(RoleArn::path).orElse("/");
    }

    /** The CloudFormation stack name: letters, digits and hyphens, starting with a letter. */
    public String stackName() {
        return ROLE_NAME_PREFIX + connectionId;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

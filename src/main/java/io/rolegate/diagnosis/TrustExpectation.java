package io.rolegate.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * What the trust policy of one connection's role must say: the vendor principal Rolegate's own trust policy names
 * (its account root, or the configured principal ARN) in the connection's partition, and the external IDs — the
 * current one, the previous one while a rotation is in progress (PRODUCT §7), and the retired ones that no request
 * of Rolegate's carries any more.
 */
public record TrustExpectation(String principalArn, String partition, String currentExternalId,
        Optional<String> previousExternalId, List<String> retiredExternalIds) {

    public TrustExpectation {
        retiredExternalIds = List.copyOf(retiredExternalIds);
    }

    /** The vendor's account: the account of the principal ARN. */
    public String vendorAccount() {
        return principalArn.split(":", 6)[4];
    }

    /** Whether the principal is an account root rather than one user or role. */
    public boolean rootPrincipal() {
        return principalArn.endsWith(":root");
    }

    /** The root of the vendor's account in the connection's partition. */
    public String rootArn() {
        return "arn:" + partition + ":iam::" + vendorAccount() + ":root";
    }
}

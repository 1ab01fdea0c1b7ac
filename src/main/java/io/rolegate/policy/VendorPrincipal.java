package io.rolegate.policy;

import java.util.regex.Pattern;

import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;

/** The vendor identity that customers' trust policies name as Principal. */
public record VendorPrincipal(String arn) {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:(root|(role|user)(/|/[\\x21-\\x7E]{0,510}/)[\\w+=,.@-]{1,64})");

    public VendorPrincipal {
        if (arn == null || !ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("Not a principal a trust policy can name");
        }
    }

    /**
     * The principal for a connection in {@code partition}: the configured principal ARN
     * ({@code rolegate.vendor.principal-arn}) if set, otherwise the root of the vendor account.
     * The root survives the vendor recreating its role; a role ARN is stored by IAM as a unique ID
     * and silently stops matching when that role is recreated.
     */
    public static Parsed<VendorPrincipal> resolve(Partition partition, String configuredArn, String vendorAccountId) {
        if (configuredArn != null && !configuredArn.isBlank()) {
            String arn = configuredArn.strip();
            if (arn.length() > 2048 || !ARN.matcher(arn).matches()) {
                return Parsed.invalid("vendor.principalArn.malformed");
            }
            if (!arn.startsWith("arn:" + partition.id() + ":")) {
                // A trust policy cannot name a principal of another partition.
                return Parsed.invalid("vendor.principalArn.partition", partition.id());
            }
            return Parsed.valid(new VendorPrincipal(arn));
        }
        if (vendorAccountId == null || vendorAccountId.isBlank()) {
            return Parsed.invalid("vendor.unconfigured");
        }
        if (!ACCOUNT.matcher(vendorAccountId.strip()).matches()) {
            return Parsed.invalid("vendor.accountId.malformed");
        }
        return Parsed.valid(new VendorPrincipal("arn:" + partition.id() + ":iam::" + vendorAccountId.strip() + ":root"));
    }

    public String partitionId() {
        return arn.substring("arn:".length(), arn.indexOf(':', "arn:".length()));
    }

    @Override
    public String toString() {
        return arn;
    }
}

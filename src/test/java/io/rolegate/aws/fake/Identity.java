package io.rolegate.aws.fake;

import java.time.Instant;

/**
 * A set of credentials the fake knows and whom they belong to. For a role session {@code arn} is the
 * assumed-role ARN while {@code principalArn} is the role's own ARN, which is what trust policies and
 * {@code aws:PrincipalArn} see.
 */
record Identity(String accessKeyId, String secretAccessKey, String sessionToken, String arn, String userId,
        String account, String principalArn, Instant expiration) {

    boolean temporary() {
        return sessionToken != null;
    }

    String roleArn() {
        return temporary() ? principalArn : null;
    }

    /** The partition the credentials exist in: that of the user or assumed role. */
    String partition() {
        return Arns.partition(arn);
    }
}

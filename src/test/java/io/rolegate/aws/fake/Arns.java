package io.rolegate.aws.fake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few ARN shapes the fake needs: IAM users and roles, STS sessions, account roots. */
final class Arns {

    /** {@code arn:partition:iam::account:role/path/name}; the name is the last path segment. */
    static final Pattern ROLE = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/(?:[\\x21-\\x7E]*/)?([\\w+=,.@-]{1,64})");

    private Arns() {
    }

    static Matcher role(String roleArn) {
        Matcher matcher = ROLE.matcher(roleArn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an IAM role ARN: " + roleArn);
        }
        return matcher;
    }

    static String partition(String arn) {
        return arn.split(":", 3)[1];
    }

    static String accountRoot(String arn) {
        String[] parts = arn.split(":", 6);
        return "arn:" + parts[1] + ":iam::" + parts[4] + ":root";
    }

    /** ArnLike/ArnEquals compare each of the six colon-separated parts, so a wildcard never spans a colon. */
    static boolean like(String pattern, String arn) {
        String[] expected = pattern.split(":", 6);
        String[] actual = arn.split(":", 6);
        if (expected.length != 6 || actual.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(expected[i], actual[i], false)) {
                return false;
            }
        }
        return true;
    }
}

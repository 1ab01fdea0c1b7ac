package io.rolegate.connection;

import java.util.regex.Pattern;

/** The ARN of the customer's IAM role: {@code arn:{partition}:iam::{account}:role{path}{name}}. */
public record RoleArn(Partition partition, AccountId account, String path, String name) {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 2048;

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{0,510}/");

    public RoleArn {
        if (partition == null || account == null || path == null || !PATH.matcher(path).matches() || name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a role ARN");
        }
    }

    /**
     * Reads a role ARN as the customer pastes it and checks it belongs to the declared account and
     * partition. The common paste mistakes — a user ARN, or the assumed-role ARN that
     * {@code aws sts get-caller-identity} prints — get their own keys.
     */
    public static Parsed<RoleArn> parse(String text, AccountId declaredAccount, Partition declaredPartition) {
        String arn = text == null ? "" : text.strip();
        if (arn.isEmpty()) {
            return Parsed.invalid("roleArn.required");
        }
        if (arn.length() < MIN_LENGTH || arn.length() > MAX_LENGTH) {
            return Parsed.invalid("roleArn.length", MIN_LENGTH, MAX_LENGTH);
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return Parsed.invalid("roleArn.malformed");
        }
        Partition partition = Partition.fromId(parts[1]).orElse(null);
        if (partition == null) {
            return Parsed.invalid("roleArn.malformed");
        }
        if (parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
            return Parsed.invalid("roleArn.assumedRoleArn");
        }
        if (!parts[2].equals("iam")) {
            return Parsed.invalid("roleArn.notRole");
        }
        if (!parts[3].isEmpty() || !Characters.isAsciiDigits(parts[4], 12)) {
            return Parsed.invalid("roleArn.malformed");
        }
        String resource = parts[5];
        if (resource.startsWith("user/")) {
            return Parsed.invalid("roleArn.userArn");
        }
        if (!resource.startsWith("role/")) {
            return Parsed.invalid("roleArn.notRole");
        }
        String pathAndName = resource.substring("role".length());
        int lastSlash = pathAndName.lastIndexOf('/');
        String path = pathAndName.substring(0, lastSlash + 1);
        String name = pathAndName.substring(lastSlash + 1);
        if (!PATH.matcher(path).matches()) {
            return Parsed.invalid("roleArn.path");
        }
        if (!NAME.matcher(name).matches()) {
            return Parsed.invalid("roleArn.name");
        }
        if (partition != declaredPartition) {
            return Parsed.invalid("roleArn.partitionMismatch", partition.id(), declaredPartition.id());
        }
        if (!parts[4].equals(declaredAccount.value())) {
            return Parsed.invalid("roleArn.accountMismatch", parts[4], declaredAccount.value());
        }
        return Parsed.valid(new RoleArn(partition, new AccountId(parts[4]), path, name));
    }

    public String value() {
        return "arn:" + partition.id() + ":iam::" + account.value() + ":role" + path + name;
    }

    @Override
    public String toString() {
        return value();
    }
}

package io.rolegate.connection;

import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rolegate.web.Forms;

/** The ARN of the customer's IAM role: {@code arn:{partition}:iam::{account}:role{path}{name}}. */
public record RoleArn(Partition partition, AccountId account, String path, String name) {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 2048;

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{0,510}/");
    /** A role name, or the part of an ARN after {@code :role}, pasted alone: {@code VendorRole}, {@code role/team/VendorRole}. */
    private static final Pattern NAME_ALONE = Pattern.compile("(?:role/|/)?((?:[\\x21-\\x39\\x3B-\\x7E]{1,510}/)?)([\\w+=,.@-]{1,64})");
    /** The role's page in the IAM console: {@code …/iam/home#/roles/details/NAME} (older consoles: {@code iamv2}, {@code #/roles/NAME}). */
    private static final Pattern CONSOLE_FRAGMENT = Pattern.compile("/roles/(?:details/)?([^/?]+)(?:[/?].*)?");

    public RoleArn {
        if (partition == null || account == null || path == null || !PATH.matcher(path).matches() || name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a role ARN");
        }
    }

    /**
     * Reads a role ARN as the customer pastes it (see {@link Forms#identifier}) and checks it belongs
     * to the declared account and partition. The common paste mistakes — a user ARN, or the
     * assumed-role ARN that {@code aws sts get-caller-identity} prints — get their own keys; a bare
     * role name and the address of the role's console page are answered with the ARN they probably
     * mean in the connection's partition and account, as the key's only argument.
     */
    public static Parsed<RoleArn> parse(String text, AccountId declaredAccount, Partition declaredPartition) {
        String arn = Forms.identifier(text);
        if (arn.isEmpty()) {
            return Parsed.invalid("roleArn.required");
        }
        Matcher alone = NAME_ALONE.matcher(arn);
        if (alone.matches() && PATH.matcher("/" + alone.group(1)).matches()) {
            return Parsed.invalid("roleArn.bareName", new RoleArn(declaredPartition, declaredAccount, "/" + alone.group(1), alone.group(2)).value());
        }
        String consoleName = consoleRoleName(arn);
        if (consoleName != null) {
            return Parsed.invalid("roleArn.consoleUrl", new RoleArn(declaredPartition, declaredAccount, "/", consoleName).value());
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

    /** The role name in a link to a role's page in the IAM console of any partition, or null. */
    private static String consoleRoleName(String text) {
        if (!text.startsWith("https://") || text.length() > MAX_LENGTH) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost();
        boolean console = host != null && Arrays.stream(Partition.values())
                .anyMatch(partition -> host.equals(partition.consoleHost()) || host.endsWith("." + partition.consoleHost()));
        if (!console || !("/iam/home".equals(uri.getPath()) || "/iamv2/home".equals(uri.getPath())) || uri.getFragment() == null) {
            return null;
        }
        Matcher fragment = CONSOLE_FRAGMENT.matcher(uri.getFragment());
        return fragment.matches() && NAME.matcher(fragment.group(1)).matches() ? fragment.group(1) : null;
    }

    public String value() {
        return "arn:" + partition.id() + ":iam::" + account.value() + ":role" + path + name;
    }

    @Override
    public String toString() {
        return value();
    }
}

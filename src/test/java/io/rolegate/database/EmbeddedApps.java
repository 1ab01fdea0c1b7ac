package io.rolegate.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rolegate.aws.fake.FakeAws;

/** Configuration and database access for packaged applications run by tests on an embedded database of their own. */
public final class EmbeddedApps {

    public static final String ADMIN_EMAIL = "admin@it.rolegate";
    public static final String ADMIN_PASSWORD = "admin-password-for-integration-tests";

    private EmbeddedApps() {
    }

    /** An application with its data under {@code data}, the bootstrap admin, and the fake AWS as its AWS. */
    public static Map<String, String> config(Path data, FakeAws aws) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rolegate.data-directory", data.toString(),
                "rolegate.admin.email", ADMIN_EMAIL,
                "rolegate.admin.password", ADMIN_PASSWORD,
                "rolegate.public-url", "http://localhost",
                "aws.disableEc2Metadata", "true"));
        if (aws != null) {
            config.putAll(Map.of(
                    "rolegate.vendor.account-id", aws.vendorAccountId(),
                    "rolegate.aws.sts-endpoint", aws.endpoint().toString(),
                    "rolegate.aws.s3-endpoint", aws.endpoint().toString(),
                    "rolegate.aws.region", "us-east-1",
                    "aws.accessKeyId", aws.vendorCredentials().accessKeyId(),
                    "aws.secretAccessKey", aws.vendorCredentials().secretAccessKey()));
        }
        return config;
    }

    /** The PostgreSQL server's process id as its {@code postmaster.pid} names it; -1 when there is none. */
    public static long postmasterPid(Path data) throws Exception {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
    }

    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Rows of the embedded database of the application running on {@code data} (port from its postmaster.pid). */
    public static Rows rows(Path data) throws Exception {
        List<String> pidFile = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"),
                StandardCharsets.UTF_8);
        String password = Files.readString(EmbeddedDatabase.passwordFile(data.resolve("postgres")),
                StandardCharsets.US_ASCII).trim();
        return Rows.in("jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/postgres", EmbeddedDatabase.USER,
                password);
    }
}

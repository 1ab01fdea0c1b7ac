package io.rolegate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The vendor identity of each partition as the operator configures it (PRODUCT §9): the quoted property keys and the
 * environment variables {@code ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__ACCOUNT_ID} etc. reach the same settings. The
 * configuration is built by SmallRye Config from its own environment source, strict about unknown keys as a
 * mapping can be; one test starts a JVM with real environment variables.
 */
class VendorPartitionsConfigTest {

    private static final String GOV_ACCOUNT = "ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__ACCOUNT_ID";
    private static final String GOV_PROFILE = "ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__PROFILE";
    private static final String GOV_REGION = "ROLEGATE_VENDOR_PARTITIONS__AWS_US_GOV__REGION";

    /** The vendor identity SmallRye builds from these environment variables and properties. */
    static VendorIdentity identity(Map<String, String> environment, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(VendorConfig.class)
                .withMapping(AwsConfig.class)
                .withValidateUnknown(true)
                .build();
        return new VendorIdentity(config.getConfigMapping(VendorConfig.class), null,
                config.getConfigMapping(AwsConfig.class), Clock.systemUTC());
    }

    @Test
    void theEnvironmentVariablesConfigureGovCloud() {
        VendorIdentity vendor = identity(Map.of(GOV_ACCOUNT, "404040404040", GOV_PROFILE, "rolegate-gov",
                GOV_REGION, "us-gov-west-1", "ROLEGATE_VENDOR_ACCOUNT_ID", "111111111111"), Map.of());

        assertTrue(vendor.offers("aws-us-gov"));
        assertEquals(Optional.of("404040404040"), vendor.accountId("aws-us-gov"));
        assertEquals(Optional.of("111111111111"), vendor.accountId("aws"), "the aws partition keeps its own keys");
        assertEquals("us-gov-west-1", vendor.stsRegion("aws-us-gov", "us-gov-east-1"));
        assertEquals(Optional.of(new StsRoute("aws-us-gov", "us-gov-west-1", "rolegate-gov")),
                vendor.route("aws-us-gov", "us-gov-east-1"));
        assertFalse(vendor.offers("aws-cn"));
        assertEquals(Optional.empty(), vendor.route("aws-cn", "cn-north-1"));
    }

    @Test
    void theEnvironmentVariablesConfigureChinaWithAPrincipalInsteadOfAnAccount() {
        VendorIdentity vendor = identity(Map.of(
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__PRINCIPAL_ARN", "arn:aws-cn:iam::868686868686:role/Checker",
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__PROFILE", "rolegate-cn",
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__REGION", "cn-northwest-1"), Map.of());

        assertTrue(vendor.offers("aws-cn"));
        assertEquals(Optional.of("arn:aws-cn:iam::868686868686:role/Checker"), vendor.principalArn("aws-cn"));
        assertEquals("cn-northwest-1", vendor.stsRegion("aws-cn", "cn-north-1"));
        assertFalse(vendor.offers("aws-us-gov"));
    }

    @Test
    void theQuotedPropertyKeysConfigureTheSamePartition() {
        VendorIdentity vendor = identity(Map.of(), Map.of(
                "rolegate.vendor.partitions.\"aws-us-gov\".account-id", "404040404040",
                "rolegate.vendor.partitions.\"aws-us-gov\".profile", "rolegate-gov",
                "rolegate.vendor.partitions.\"aws-us-gov\".region", "us-gov-east-1"));

        assertTrue(vendor.offers("aws-us-gov"));
        assertEquals("us-gov-east-1", vendor.stsRegion("aws-us-gov", "us-gov-west-1"));
    }

    @Test
    void anEnvironmentVariableOverridesTheProperty() {
        VendorIdentity vendor = identity(Map.of(GOV_REGION, "us-gov-east-1"), Map.of(
                "rolegate.vendor.partitions.\"aws-us-gov\".account-id", "404040404040",
                "rolegate.vendor.partitions.\"aws-us-gov\".profile", "rolegate-gov",
                "rolegate.vendor.partitions.\"aws-us-gov\".region", "us-gov-west-1"));

        assertEquals("us-gov-east-1", vendor.stsRegion("aws-us-gov", "us-gov-west-1"));
    }

    @Test
    void whatIsMissingOrCannotWorkIsNamedKeyByKey() {
        assertEquals(List.of("rolegate.vendor.partitions.\"aws-cn\".account-id",
                "rolegate.vendor.partitions.\"aws-cn\".profile", "rolegate.vendor.partitions.\"aws-cn\".region"),
                identity(Map.of(), Map.of()).missingKeys("aws-cn"));
        VendorIdentity wrong = identity(Map.of(GOV_ACCOUNT, "4040-4040", GOV_PROFILE, "rolegate-gov",
                GOV_REGION, "us-east-1"), Map.of());
        assertEquals(List.of("rolegate.vendor.partitions.\"aws-us-gov\".account-id",
                "rolegate.vendor.partitions.\"aws-us-gov\".region"), wrong.missingKeys("aws-us-gov"),
                "an account that is not 12 digits and a region of another partition cannot work");
        assertEquals(List.of("rolegate.vendor.partitions.\"aws-cn\".principal-arn"), identity(Map.of(
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__PRINCIPAL_ARN", "arn:aws:iam::868686868686:role/Checker",
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__ACCOUNT_ID", "868686868686",
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__PROFILE", "rolegate-cn",
                "ROLEGATE_VENDOR_PARTITIONS__AWS_CN__REGION", "cn-north-1"), Map.of()).missingKeys("aws-cn"),
                "a trust policy cannot name a principal of another partition");
        assertEquals(List.of(), identity(Map.of(), Map.of()).missingKeys("aws"), "aws is always offered");
    }

    @Test
    void theEnvironmentVariableOfEveryKeyIsTheOneDocumented() {
        assertEquals(GOV_ACCOUNT, VendorIdentity.environmentVariable(VendorIdentity.key("aws-us-gov", "account-id")));
        assertEquals(GOV_PROFILE, VendorIdentity.environmentVariable(VendorIdentity.key("aws-us-gov", "profile")));
        assertEquals("ROLEGATE_VENDOR_PARTITIONS__AWS_CN__REGION",
                VendorIdentity.environmentVariable(VendorIdentity.key("aws-cn", "region")));
    }

    @Test
    void aJvmStartedWithTheEnvironmentVariablesOffersGovCloud() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EnvironmentProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ROLEGATE_"));
        builder.environment().putAll(Map.of(GOV_ACCOUNT, "404040404040", GOV_PROFILE, "rolegate-gov",
                GOV_REGION, "us-gov-west-1"));
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));

        assertEquals("aws-us-gov offered=true account=404040404040 route=rolegate-gov@us-gov-west-1; aws-cn offered=false",
                output.lines().reduce((first, last) -> last).orElse(""), output);
    }

    /** Run in a child JVM: reads the real environment as Rolegate does, and prints what it makes of it. */
    public static final class EnvironmentProbe {

        public static void main(String[] args) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                    .withConverter(Duration.class, 200, new DurationConverter()).withMapping(VendorConfig.class).withMapping(AwsConfig.class).withValidateUnknown(true).build();
            VendorIdentity vendor = new VendorIdentity(config.getConfigMapping(VendorConfig.class), null,
                    config.getConfigMapping(AwsConfig.class), Clock.systemUTC());
            StsRoute route = vendor.route("aws-us-gov", "us-gov-east-1").orElseThrow();
            System.out.println("aws-us-gov offered=" + vendor.offers("aws-us-gov") + " account="
                    + vendor.accountId("aws-us-gov").orElse("-") + " route=" + route.profile() + "@" + route.region()
                    + "; aws-cn offered=" + vendor.offers("aws-cn"));
        }
    }
}

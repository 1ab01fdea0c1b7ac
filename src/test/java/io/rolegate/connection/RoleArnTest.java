package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleArnTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");

    private static RoleArn valid(String text, Partition partition) {
        Parsed<RoleArn> parsed = RoleArn.parse(text, ACCOUNT, partition);
        return (RoleArn) assertInstanceOf(Parsed.Valid.class, parsed, () -> parsed.toString()).value();
    }

    @Test
    void readsARoleWithoutPath() {
        RoleArn arn = valid(" arn:aws:iam::123456789012:role/rolegate-c1 ", Partition.AWS);
        assertEquals("rolegate-c1", arn.name());
        assertEquals("/", arn.path());
        assertEquals("arn:aws:iam::123456789012:role/rolegate-c1", arn.value());
    }

    @Test
    void readsARoleWithAPathInEveryPartition() {
        RoleArn arn = valid("arn:aws-cn:iam::123456789012:role/service-role/team/Reader+=,.@-_1", Partition.AWS_CN);
        assertEquals("/service-role/team/", arn.path());
        assertEquals("Reader+=,.@-_1", arn.name());
        assertEquals(Partition.AWS_US_GOV, valid("arn:aws-us-gov:iam::123456789012:role/r", Partition.AWS_US_GOV).partition());
        assertEquals(64, valid("arn:aws:iam::123456789012:role/" + "n".repeat(64), Partition.AWS).name().length());
        assertEquals(512, valid("arn:aws:iam::123456789012:role/" + "p".repeat(510) + "/name", Partition.AWS).path().length());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(null, "roleArn.required"),
                Arguments.of("   ", "roleArn.required"),
                Arguments.of("arn:aws:iam::1", "roleArn.length"),
                Arguments.of("arn:aws:iam::123456789012:role/" + "x".repeat(2048), "roleArn.length"),
                Arguments.of("arn:aws:iam::123456789012:user/alice", "roleArn.userArn"),
                Arguments.of("arn:aws:sts::123456789012:assumed-role/rolegate-c1/session", "roleArn.assumedRoleArn"),
                Arguments.of("arn:aws:iam::123456789012:policy/ReadOnly", "roleArn.notRole"),
                Arguments.of("arn:aws:iam::123456789012:instance-profile/web", "roleArn.notRole"),
                Arguments.of("arn:aws:s3:::acme-data/role/x", "roleArn.notRole"),
                Arguments.of("arn:aws:iam::123456789012:role/", "roleArn.name"),
                Arguments.of("arn:aws:iam::123456789012:role/" + "n".repeat(65), "roleArn.name"),
                Arguments.of("arn:aws:iam::123456789012:role/bad name", "roleArn.name"),
                Arguments.of("arn:aws:iam::123456789012:role/名前", "roleArn.name"),
                Arguments.of("arn:aws:iam::123456789012:role/pa th/name", "roleArn.path"),
                Arguments.of("arn:aws:iam::123456789012:role/" + "p".repeat(511) + "/name", "roleArn.path"),
                Arguments.of("arn:aws:iam:us-east-1:123456789012:role/name", "roleArn.malformed"),
                Arguments.of("arn:aws:iam::12345678901:role/name", "roleArn.malformed"),
                Arguments.of("arn:aws-mars:iam::123456789012:role/name", "roleArn.malformed"),
                Arguments.of("https://example.com/iam/home#/roles/details/VendorRole", "roleArn.malformed"),
                Arguments.of("https://console.aws.amazon.com/s3/home#/roles/details/VendorRole", "roleArn.malformed"),
                Arguments.of("Vendor Role", "roleArn.length"),
                Arguments.of("<script>alert('arn:aws:iam::123456789012:role/x')</script>", "roleArn.malformed"),
                Arguments.of("arn:aws-cn:iam::123456789012:role/name", "roleArn.partitionMismatch"),
                Arguments.of("arn:aws:iam::210987654321:role/name", "roleArn.accountMismatch"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refusals")
    void refusesEachCauseWithItsOwnKey(String text, String key) {
        Parsed<RoleArn> parsed = RoleArn.parse(text, ACCOUNT, Partition.AWS);
        assertEquals(key, assertInstanceOf(Parsed.Invalid.class, parsed).error().key());
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of("VendorRole", Partition.AWS, "roleArn.bareName", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("rolegate-read", Partition.AWS, "roleArn.bareName", "arn:aws:iam::123456789012:role/rolegate-read"),
                Arguments.of("Reader+=,.@-_1", Partition.AWS_US_GOV, "roleArn.bareName", "arn:aws-us-gov:iam::123456789012:role/Reader+=,.@-_1"),
                Arguments.of("role/VendorRole", Partition.AWS, "roleArn.bareName", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("/team/VendorRole", Partition.AWS_CN, "roleArn.bareName", "arn:aws-cn:iam::123456789012:role/team/VendorRole"),
                Arguments.of("role/service-role/team/VendorRole", Partition.AWS, "roleArn.bareName",
                        "arn:aws:iam::123456789012:role/service-role/team/VendorRole"),
                Arguments.of(" `VendorRole`\u00A0", Partition.AWS, "roleArn.bareName", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("https://console.aws.amazon.com/iam/home#/roles/details/VendorRole?section=permissions", Partition.AWS,
                        "roleArn.consoleUrl", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles/details/VendorRole", Partition.AWS,
                        "roleArn.consoleUrl", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("https://console.aws.amazon.com/iamv2/home#/roles/VendorRole", Partition.AWS,
                        "roleArn.consoleUrl", "arn:aws:iam::123456789012:role/VendorRole"),
                Arguments.of("https://console.amazonaws.cn/iam/home?region=cn-north-1#/roles/details/Vendor%2BRole", Partition.AWS_CN,
                        "roleArn.consoleUrl", "arn:aws-cn:iam::123456789012:role/Vendor+Role"),
                Arguments.of("https://console.amazonaws-us-gov.com/iam/home#/roles/details/VendorRole/", Partition.AWS_US_GOV,
                        "roleArn.consoleUrl", "arn:aws-us-gov:iam::123456789012:role/VendorRole"));
    }

    /** A role name alone, or a console link to the role, is answered with the ARN of that name in the connection's partition and account. */
    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("nearMisses")
    void aRoleNameOrConsoleLinkIsAnsweredWithTheArnItProbablyMeans(String text, Partition partition, String key, String suggestion) {
        Parsed<RoleArn> parsed = RoleArn.parse(text, ACCOUNT, partition);
        assertEquals(FieldError.of(key, suggestion), assertInstanceOf(Parsed.Invalid.class, parsed).error());
        assertEquals(suggestion, valid(suggestion, partition).value(), "the suggestion itself is accepted");
    }

    /** Characters a console or a chat puts around or inside a pasted ARN: dropped like ordinary spaces. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF", "2007", "202F", "3000"})
    void pastedSpacesVisibleOrNotAroundTheArnAreDropped(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("arn:aws:iam::123456789012:role/VendorRole",
                valid(c + "arn:aws:iam::123456789012:role/VendorRole" + c, Partition.AWS).value());
        assertEquals("arn:aws:iam::123456789012:role/VendorRole",
                valid("\"arn:aws:iam::123456789012:role/VendorRole\"" + c, Partition.AWS).value());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "FEFF", "2060", "00AD"})
    void invisibleCharactersInsideTheArnAreDropped(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("arn:aws:iam::123456789012:role/team/VendorRole",
                valid("arn:aws:iam::" + c + "123456789012:role/team/" + c + "Vendor" + c + "Role", Partition.AWS).value());
    }

    @Test
    void aVisibleSpaceInsideTheArnIsRefusedLikeAnOrdinarySpace() {
        assertEquals("roleArn.name", assertInstanceOf(Parsed.Invalid.class,
                RoleArn.parse("arn:aws:iam::123456789012:role/Vendor\u00A0Role", ACCOUNT, Partition.AWS)).error().key());
    }

    @Test
    void mismatchesNameBothValues() {
        assertEquals(FieldError.of("roleArn.accountMismatch", "210987654321", "123456789012"),
                ((Parsed.Invalid<RoleArn>) RoleArn.parse("arn:aws:iam::210987654321:role/name", ACCOUNT, Partition.AWS)).error());
        assertEquals(FieldError.of("roleArn.partitionMismatch", "aws-cn", "aws"),
                ((Parsed.Invalid<RoleArn>) RoleArn.parse("arn:aws-cn:iam::123456789012:role/name", ACCOUNT, Partition.AWS)).error());
    }
}

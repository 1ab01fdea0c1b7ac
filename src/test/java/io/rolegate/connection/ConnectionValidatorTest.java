package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionValidatorTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String HUGE = "x".repeat(100 * 1024);

    private static ConnectionForm form() {
        return new ConnectionForm("Exports", "111122223333", "aws", "eu-west-1", "acme-data\nacme-logs/reports/", KEY);
    }

    private static ConnectionForm with(String field, String value) {
        ConnectionForm f = form();
        return new ConnectionForm(
                field.equals("label") ? value : f.label(),
                field.equals("accountId") ? value : f.accountId(),
                field.equals("partition") ? value : f.partition(),
                field.equals("region") ? value : f.region(),
                field.equals("buckets") ? value : f.buckets(),
                field.equals("kmsKeyArns") ? value : f.kmsKeyArns());
    }

    private static Map<String, List<FieldError>> errors(ConnectionForm form) {
        return assertInstanceOf(ConnectionValidation.Invalid.class, ConnectionValidator.validate(form)).errors();
    }

    private static List<String> keys(ConnectionForm form, String field) {
        return errors(form).getOrDefault(field, List.of()).stream().map(FieldError::key).toList();
    }

    private static ConnectionRequest valid(ConnectionForm form) {
        ConnectionValidation result = ConnectionValidator.validate(form);
        return assertInstanceOf(ConnectionValidation.Valid.class, result, () -> result.toString()).request();
    }

    @Test
    void acceptsAWellFormedConnection() {
        ConnectionRequest request = valid(form());
        assertEquals("Exports", request.label());
        assertEquals(new AccountId("111122223333"), request.accountId());
        assertEquals(Partition.AWS, request.partition());
        assertEquals("eu-west-1", request.region());
        assertEquals(List.of(new BucketGrant("acme-data", null), new BucketGrant("acme-logs", "reports/")), request.buckets());
        assertEquals(KEY, request.kmsKeyArns().get(0).value());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("label", null, "label.required"),
                Arguments.of("label", "   ", "label.required"),
                Arguments.of("label", "x".repeat(101), "label.tooLong"),
                Arguments.of("label", HUGE, "label.tooLong"),
                Arguments.of("label", "line\nbreak", "label.controlCharacters"),
                Arguments.of("label", "nul\u0000byte", "label.controlCharacters"),
                Arguments.of("label", "bidi\u202Eevil", "label.controlCharacters"),
                Arguments.of("label", "lone \uD800 surrogate", "label.controlCharacters"),
                Arguments.of("accountId", "", "accountId.required"),
                Arguments.of("accountId", "11112222333", "accountId.format"),
                Arguments.of("accountId", "1111222233334", "accountId.format"),
                Arguments.of("accountId", "11112222333a", "accountId.format"),
                Arguments.of("accountId", "١١١١٢٢٢٢٣٣٣٣", "accountId.format"),
                Arguments.of("accountId", "' OR 1=1 --", "accountId.format"),
                Arguments.of("accountId", HUGE, "accountId.format"),
                Arguments.of("partition", "", "partition.required"),
                Arguments.of("partition", "aws-iso", "partition.unknown"),
                Arguments.of("partition", "AWS", "partition.unknown"),
                Arguments.of("region", "", "region.required"),
                Arguments.of("region", "eu-west-9", "region.unknown"),
                Arguments.of("region", "cn-north-1", "region.otherPartition"),
                Arguments.of("region", "<script>alert(1)</script>", "region.unknown"),
                Arguments.of("buckets", "", "buckets.required"),
                Arguments.of("buckets", "\n  \n\r\n", "buckets.required"),
                Arguments.of("buckets", IntStream.rangeClosed(1, 21).mapToObj(i -> "bucket-" + i).collect(Collectors.joining("\n")), "buckets.tooMany"),
                Arguments.of("buckets", "acme-data\nacme-data", "buckets.duplicate"),
                Arguments.of("buckets", "acme-data/p/\nacme-data/p/", "buckets.duplicate"),
                Arguments.of("buckets", HUGE, "buckets.inputTooLong"),
                Arguments.of("buckets", "ab", "buckets.name.length"),
                Arguments.of("buckets", "a".repeat(64), "buckets.name.length"),
                Arguments.of("buckets", "Acme-Data", "buckets.name.uppercase"),
                Arguments.of("buckets", "acme_data", "buckets.name.characters"),
                Arguments.of("buckets", "acme data", "buckets.name.characters"),
                Arguments.of("buckets", "ácme-data", "buckets.name.characters"),
                Arguments.of("buckets", "<b>acme</b>", "buckets.name.characters"),
                Arguments.of("buckets", "-acme", "buckets.name.edges"),
                Arguments.of("buckets", "acme.", "buckets.name.edges"),
                Arguments.of("buckets", "acme..data", "buckets.name.consecutiveDots"),
                Arguments.of("buckets", "192.168.5.4", "buckets.name.ipAddress"),
                Arguments.of("buckets", "xn--acme", "buckets.name.reservedPrefix"),
                Arguments.of("buckets", "sthree-acme", "buckets.name.reservedPrefix"),
                Arguments.of("buckets", "amzn-s3-demo-bucket", "buckets.name.reservedPrefix"),
                Arguments.of("buckets", "acme-s3alias", "buckets.name.reservedSuffix"),
                Arguments.of("buckets", "acme--ol-s3", "buckets.name.reservedSuffix"),
                Arguments.of("buckets", "acme.mrap", "buckets.name.reservedSuffix"),
                Arguments.of("buckets", "acme--x-s3", "buckets.name.reservedSuffix"),
                Arguments.of("buckets", "acme--table-s3", "buckets.name.reservedSuffix"),
                Arguments.of("buckets", "s3://acme-data/reports/", "buckets.uri"),
                Arguments.of("buckets", "arn:aws:s3:::acme-data", "buckets.uri"),
                Arguments.of("buckets", "acme-data//reports/", "buckets.prefix.leadingSlash"),
                Arguments.of("buckets", "acme-data/" + "a".repeat(1025), "buckets.prefix.tooLong"),
                Arguments.of("buckets", "acme-data/" + "é".repeat(513), "buckets.prefix.tooLong"),
                Arguments.of("buckets", "acme-data/a\u0000b", "buckets.prefix.controlCharacters"),
                Arguments.of("buckets", "acme-data/a\u2028b", "buckets.prefix.controlCharacters"),
                Arguments.of("buckets", "acme-data/reports/*", "buckets.prefix.wildcard"),
                Arguments.of("buckets", "acme-data/report?", "buckets.prefix.wildcard"),
                Arguments.of("buckets", "acme-data/${aws:username}/", "buckets.prefix.policyVariable"),
                Arguments.of("buckets", "acme-data/😀/", "buckets.prefix.beyondIam"),
                Arguments.of("buckets", "acme-data/rg-data/レポート/2026/", "buckets.prefix.beyondIam"),
                Arguments.of("buckets", "acme-data/Ābc", "buckets.prefix.beyondIam"),
                Arguments.of("kmsKeyArns", HUGE.substring(0, 9000), "kmsKeyArns.inputTooLong"),
                Arguments.of("kmsKeyArns", IntStream.rangeClosed(1, 21).mapToObj(i -> KEY).collect(Collectors.joining("\n")), "kmsKeyArns.tooMany"),
                Arguments.of("kmsKeyArns", KEY + "\n" + KEY, "kmsKeyArns.duplicate"),
                Arguments.of("kmsKeyArns", "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3", "kmsKeyArns.alias"),
                Arguments.of("kmsKeyArns", "alias/my-key", "kmsKeyArns.alias"),
                Arguments.of("kmsKeyArns", "1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKeyArns.bareKeyId"),
                Arguments.of("kmsKeyArns", "arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKeyArns.partition"),
                Arguments.of("kmsKeyArns", "arn:aws:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKeyArns.region"),
                Arguments.of("kmsKeyArns", "arn:aws:kms:eu-west-1:111122223333:key/not-a-key", "kmsKeyArns.keyId"),
                Arguments.of("kmsKeyArns", "arn:aws:kms:eu-west-1:111122223333:key/1234ABCD-12AB-34CD-56EF-1234567890AB", "kmsKeyArns.keyId"),
                Arguments.of("kmsKeyArns", "arn:aws:kms:eu-west-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kmsKeyArns.format"),
                Arguments.of("kmsKeyArns", "arn:aws:s3:::acme-data", "kmsKeyArns.format"),
                Arguments.of("kmsKeyArns", "'; DROP TABLE connections; --", "kmsKeyArns.format"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @MethodSource("refusals")
    void refusesEachBrokenRuleWithItsOwnKey(String field, String value, String key) {
        Map<String, List<FieldError>> errors = errors(with(field, value));
        assertEquals(List.of(field), List.copyOf(errors.keySet()), () -> errors.toString());
        assertEquals(key, errors.get(field).get(0).key());
    }

    static Stream<Arguments> acceptances() {
        return Stream.of(
                Arguments.of("label", "  Data lake — 東京 😀 <b>&amp;</b> '; DROP TABLE x; --  "),
                Arguments.of("label", "x".repeat(100)),
                Arguments.of("label", "😀".repeat(100)),
                Arguments.of("accountId", " 1111-2222-3333 "),
                Arguments.of("partition", "aws"),
                Arguments.of("region", "ap-southeast-7"),
                Arguments.of("buckets", "abc"),
                Arguments.of("buckets", "a".repeat(63)),
                Arguments.of("buckets", "acme.data-2024"),
                Arguments.of("buckets", "1acme9"),
                Arguments.of("buckets", "192.168.5.com"),
                Arguments.of("buckets", "acme-s3alias-data"),
                Arguments.of("buckets", "acme-data/"),
                Arguments.of("buckets", "acme-data/reports/2024/"),
                Arguments.of("buckets", "acme-data/" + "a".repeat(1024)),
                Arguments.of("buckets", "acme-data/rapports/ä ÿ\u00A0 \"q\" \\ $ { } %{x}"),
                Arguments.of("buckets", "\r\n  acme-data  \r\n\r\n acme-data/reports/ \n"),
                Arguments.of("buckets", "acme-data\nacme-data/reports/"),
                Arguments.of("buckets", IntStream.rangeClosed(1, 20).mapToObj(i -> "bucket-" + i).collect(Collectors.joining("\n"))),
                Arguments.of("kmsKeyArns", ""),
                Arguments.of("kmsKeyArns", null),
                Arguments.of("kmsKeyArns", "arn:aws:kms:us-west-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab"),
                Arguments.of("kmsKeyArns", IntStream.rangeClosed(10, 29).mapToObj(i -> KEY.replace("1234567890ab", "1234567890" + i)).collect(Collectors.joining("\n"))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("acceptances")
    void acceptsValuesWithinTheRules(String field, String value) {
        valid(with(field, value));
    }

    @Test
    void lineErrorsNameTheLineAndAnExcerpt() {
        FieldError error = errors(with("buckets", "acme-data\n\nAcme-Logs")).get("buckets").get(0);
        assertEquals(FieldError.of("buckets.name.uppercase", 3, "Acme-Logs"), error);
        FieldError duplicate = errors(with("buckets", "acme-data\nacme-logs\n acme-data ")).get("buckets").get(0);
        assertEquals(FieldError.of("buckets.duplicate", 3, "acme-data", 1), duplicate);
        FieldError reserved = errors(with("buckets", "xn--acme")).get("buckets").get(0);
        assertEquals(FieldError.of("buckets.name.reservedPrefix", 1, "xn--acme", "xn--"), reserved);
    }

    @Test
    void aPrefixBeyondIamsCharactersIsRefusedWithTheCharacterAndTheGrantThatWouldFit() {
        assertEquals(FieldError.of("buckets.prefix.beyondIam", 2, "acme-data/rg-data/レポート/2026/", "レ (U+30EC)", "acme-data/rg-data/"),
                errors(with("buckets", "acme-logs\nacme-data/rg-data/レポート/2026/")).get("buckets").get(0));
    }

    @Test
    void reportsEveryBrokenFieldAtOnceInFormOrder() {
        Map<String, List<FieldError>> errors = errors(new ConnectionForm("", "x", "mars", "eu-west-1", "Acme\nb", "nope"));
        assertEquals(List.of("label", "accountId", "partition", "buckets"), List.copyOf(errors.keySet()));
        assertEquals(List.of("buckets.name.uppercase", "buckets.name.length"), keys(new ConnectionForm("", "x", "mars", "eu-west-1", "Acme\nb", "nope"), "buckets"));
    }

    @Test
    void refusesAPartitionThatIsNotOfferedAndJudgesTheOtherFieldsAsUsual() {
        ConnectionForm gov = new ConnectionForm("Gov", "111122223333", "aws-us-gov", "us-gov-east-1", "acme-data", "");

        ConnectionValidation result = ConnectionValidator.validate(gov, Set.of(Partition.AWS));

        Map<String, List<FieldError>> errors = assertInstanceOf(ConnectionValidation.Invalid.class, result).errors();
        assertEquals(Map.of("partition", List.of(FieldError.of("partition.unavailable", "aws-us-gov"))), errors);
        assertInstanceOf(ConnectionValidation.Valid.class, ConnectionValidator.validate(gov,
                Set.of(Partition.AWS, Partition.AWS_US_GOV)));
    }

    @Test
    void judgesRegionsAndKeysAgainstTheChosenPartition() {
        valid(new ConnectionForm("China", "111122223333", "aws-cn", "cn-northwest-1", "acme-data",
                "arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        valid(new ConnectionForm("Gov", "111122223333", "aws-us-gov", "us-gov-east-1", "acme-data", ""));
        assertEquals(List.of("region.otherPartition"), keys(new ConnectionForm("Gov", "111122223333", "aws-us-gov", "us-east-1", "acme-data", ""), "region"));
        assertEquals(FieldError.of("region.otherPartition", "us-east-1", "aws", "aws-us-gov"),
                errors(new ConnectionForm("Gov", "111122223333", "aws-us-gov", "us-east-1", "acme-data", "")).get("region").get(0));
    }

    @Test
    void refusesGrantsWhosePermissionPolicyWouldExceedIamsLimit() {
        String buckets = IntStream.rangeClosed(10, 29).mapToObj(i -> "bucket-" + i + "/" + "p".repeat(1000)).collect(Collectors.joining("\n"));
        FieldError error = errors(with("buckets", buckets)).get("buckets").get(0);
        assertEquals("buckets.policyTooLarge", error.key());
        assertEquals(ConnectionValidator.MAX_PERMISSION_POLICY_CHARACTERS, error.args().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"label", "accountId", "partition", "region", "buckets", "kmsKeyArns"})
    void nullFieldsGiveErrorsNotExceptions(String field) {
        ConnectionValidation result = ConnectionValidator.validate(with(field, null));
        if (field.equals("kmsKeyArns")) {
            assertInstanceOf(ConnectionValidation.Valid.class, result);
        } else {
            assertTrue(((ConnectionValidation.Invalid) result).errors().containsKey(field));
        }
    }

    @Test
    void randomHostileInputNeverThrows() {
        Random random = new Random(20240607);
        String[] pieces = {"<script>", "'; DROP TABLE", "\u0000", "\r\n", "\n", "東京", "😀", "\uD800", "\u202E", "/", "*", "?", "${",
                "%{", "..", "-", ".", "arn:aws:kms:", "key/", "alias/", "acme", "1111", "aws-cn", "\\", "\"", " ", "xn--", "A"};
        for (int i = 0; i < 5_000; i++) {
            String[] fields = new String[6];
            for (int f = 0; f < fields.length; f++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                for (int p = 0; p < length; p++) {
                    text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : pieces[random.nextInt(pieces.length)]);
                }
                fields[f] = random.nextInt(10) == 0 ? null : text.toString();
            }
            ConnectionValidation result = ConnectionValidator.validate(new ConnectionForm(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]));
            if (result instanceof ConnectionValidation.Invalid invalid) {
                invalid.errors().values().forEach(list -> assertTrue(!list.isEmpty()));
            }
        }
    }

    @Test
    void hundredKilobyteFieldsGiveCleanErrors() {
        Map<String, List<FieldError>> errors = errors(new ConnectionForm(HUGE, HUGE, HUGE, HUGE, HUGE, HUGE));
        assertEquals(List.of("label", "accountId", "partition", "region", "buckets", "kmsKeyArns"), List.copyOf(errors.keySet()));
        errors.values().stream().flatMap(List::stream).flatMap(error -> error.args().stream())
                .forEach(arg -> assertTrue(String.valueOf(arg).length() <= 81, "arguments echo at most an excerpt"));
    }

    @Test
    void storedLinesReadBackAsTheSameGrants() {
        for (BucketGrant grant : valid(with("buckets", "acme-data\nacme-logs/reports/2024/\nacme.archive/ä \"q\"")).buckets()) {
            assertEquals(grant, BucketGrant.parse(grant.line()).orThrow());
        }
    }

    /** Pasted from a console or a chat: the spaces and invisible characters around every value are dropped (PRODUCT §10). */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "200B", "FEFF", "2007", "202F", "3000"})
    void pastedSpacesAroundEveryFieldAreDropped(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        ConnectionRequest request = valid(new ConnectionForm(c + "Exports" + c, c + "111122223333" + c, c + "aws" + c, c + "eu-west-1" + c,
                c + "acme-data" + c + "\n" + c + "acme-logs/reports/" + c, c + KEY + c + "\n"));
        assertEquals("Exports", request.label());
        assertEquals(new AccountId("111122223333"), request.accountId());
        assertEquals(Partition.AWS, request.partition());
        assertEquals("eu-west-1", request.region());
        assertEquals(List.of(new BucketGrant("acme-data", null), new BucketGrant("acme-logs", "reports/")), request.buckets());
        assertEquals(List.of(KEY), request.kmsKeyArns().stream().map(KmsKeyArn::value).toList());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "FEFF", "2060", "00AD"})
    void invisibleCharactersInsideIdentifiersAreDropped(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        ConnectionRequest request = valid(new ConnectionForm("Exports", "1111" + c + "22223333", "aws", "eu-" + c + "west-1",
                "acme-" + c + "data\nacme-logs/re" + c + "ports/", KEY.replace("key/", "key/" + c)));
        assertEquals(new AccountId("111122223333"), request.accountId());
        assertEquals("eu-west-1", request.region());
        assertEquals(List.of(new BucketGrant("acme-data", null), new BucketGrant("acme-logs", "reports/")), request.buckets());
        assertEquals(KEY, request.kmsKeyArns().get(0).value());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"1111 2222 3333", "1111\u00A02222\u00A03333", "1111-2222-3333", "\"111122223333\"", "`1111-2222-3333`"})
    void accountIdsGroupedOrQuotedAsPeopleCopyThemAreRead(String pasted) {
        assertEquals(new AccountId("111122223333"), valid(with("accountId", pasted)).accountId());
    }

    @Test
    void emptyPrefixMeansTheWholeBucket() {
        assertNull(valid(with("buckets", "acme-data/")).buckets().get(0).prefix());
    }
}

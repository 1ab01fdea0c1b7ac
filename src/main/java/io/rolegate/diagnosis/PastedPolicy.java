package io.rolegate.diagnosis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;

import io.rolegate.connection.Parsed;
import io.rolegate.web.Forms;

/**
 * A trust policy as a customer pastes it (PRODUCT §5b, docs/trust-diagnosis.md): the bare document (what the IAM
 * console shows under Trust relationships, or {@code aws iam get-role --query Role.AssumeRolePolicyDocument}
 * prints), the whole output of {@code aws iam get-role}, the URL-encoded document the IAM API returns, or the API's
 * XML answer around it. The document is read by the AWS SDK's policy builder; JSON numbers and booleans in
 * conditions, which IAM accepts and the builder would drop, are read as the strings IAM compares them as.
 *
 * @param form which of those forms the text was
 */
public record PastedPolicy(IamPolicy policy, Form form) {

    /** Longest text read, in characters (code points); IAM's own limit for a trust policy is far smaller. */
    public static final int MAX_LENGTH = 20_000;
    /** Deepest JSON nesting read: a trust policy nests six levels, get-role output two more. */
    static final int MAX_DEPTH = 32;

    /** The forms of pasted text recognised. */
    public enum Form {
        DOCUMENT, GET_ROLE, URL_ENCODED, IAM_API;

        public String labelKey() {
            return "form_" + name();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern API_DOCUMENT = Pattern.compile(
            "<AssumeRolePolicyDocument>([^<]*)</AssumeRolePolicyDocument>");
    private static final Map<String, String> XML_ENTITIES = Map.of("&lt;", "<", "&gt;", ">", "&quot;", "\"",
            "&apos;", "'", "&amp;", "&");

    /**
     * Reads pasted text. Refusals are message keys of the {@code trust} bundle without their {@code error_} prefix:
     * {@code trustPolicy.required}, {@code .tooLong} (the maximum), {@code .notJson} (line and column),
     * {@code .limits} (nesting or number length beyond {@link #MAX_DEPTH} and 100 digits), {@code .encoding},
     * {@code .noDocument} and {@code .notPolicy}.
     */
    public static Parsed<PastedPolicy> read(String pasted) {
        String text = Forms.strip(pasted);
        if (text.isEmpty()) {
            return Parsed.invalid("trustPolicy.required");
        }
        if (pasted.codePointCount(0, pasted.length()) > MAX_LENGTH) {
            return Parsed.invalid("trustPolicy.tooLong", MAX_LENGTH);
        }
        Form form = Form.DOCUMENT;
        if (text.startsWith("<")) {
            Matcher document = API_DOCUMENT.matcher(text);
            if (!document.find()) {
                return Parsed.invalid("trustPolicy.noDocument");
            }
            text = unescapeXml(document.group(1).strip());
            form = Form.IAM_API;
        }
        if (urlEncoded(text)) {
            Parsed<String> decoded = decode(text);
            if (!(decoded instanceof Parsed.Valid<String> valid)) {
                return Parsed.invalid("trustPolicy.encoding");
            }
            text = valid.value();
            form = form == Form.IAM_API ? form : Form.URL_ENCODED;
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root != null && root.isTextual()) {
                // The document as a JSON string, as some tools print it: read what it holds.
                return read(root.textValue()).map(inner -> new PastedPolicy(inner.policy(), inner.form()));
            }
            if (root == null || !root.isObject()) {
                return Parsed.invalid("trustPolicy.noDocument");
            }
            JsonNode document = root;
            JsonNode role = root.path("Role");
            JsonNode wrapped = role.isObject() ? role.path("AssumeRolePolicyDocument") : root.path("AssumeRolePolicyDocument");
            if (!wrapped.isMissingNode() && !root.has("Statement")) {
                form = Form.GET_ROLE;
                document = wrapped;
                if (document.isTextual()) {
                    Parsed<String> decoded = urlEncoded(document.textValue()) ? decode(document.textValue())
                            : Parsed.valid(document.textValue());
                    if (!(decoded instanceof Parsed.Valid<String> valid)) {
                        return Parsed.invalid("trustPolicy.encoding");
                    }
                    document = JSON.readTree(valid.value());
                }
            }
            if (document == null || !document.isObject() || !document.has("Statement")) {
                return Parsed.invalid("trustPolicy.noDocument");
            }
            normalise((ObjectNode) document);
            return Parsed.valid(new PastedPolicy(IamPolicy.fromJson(JSON.writeValueAsString(document)), form));
        } catch (StreamConstraintsException e) {
            return Parsed.invalid("trustPolicy.limits", MAX_DEPTH);
        } catch (JsonProcessingException e) {
            return e.getLocation() == null ? Parsed.invalid("trustPolicy.notJson", 1, 1)
                    : Parsed.invalid("trustPolicy.notJson", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (RuntimeException e) {
            // The policy builder refuses JSON that is not a policy (no statement, an Action that is an object, …).
            return Parsed.invalid("trustPolicy.notPolicy");
        }
    }

    private static boolean urlEncoded(String text) {
        return text.length() >= 3 && text.substring(0, 3).toUpperCase(Locale.ROOT).equals("%7B");
    }

    /** Percent-decoding as RFC 3986 means it: a {@code +} stays a plus (external IDs may hold one). */
    private static Parsed<String> decode(String text) {
        try {
            return Parsed.valid(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Parsed.invalid("trustPolicy.encoding");
        }
    }

    private static String unescapeXml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = text.charAt(i) == '&' ? text.indexOf(';', i) : -1;
            String entity = end > i ? XML_ENTITIES.get(text.substring(i, end + 1)) : null;
            if (entity != null) {
                out.append(entity);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Numbers and booleans where IAM expects strings (condition values, account IDs) become those strings. */
    private static void normalise(ObjectNode document) {
        JsonNode statements = document.path("Statement");
        Iterable<JsonNode> each = statements.isArray() ? statements : List.of(statements);
        for (JsonNode statement : each) {
            if (!statement.isObject()) {
                continue;
            }
            JsonNode principal = statement.path("Principal");
            if (principal.isObject()) {
                textual((ObjectNode) principal);
            }
            JsonNode condition = statement.path("Condition");
            if (condition.isObject()) {
                condition.forEach(keys -> {
                    if (keys.isObject()) {
                        textual((ObjectNode) keys);
                    }
                });
            }
        }
    }

    private static void textual(ObjectNode members) {
        members.fieldNames().forEachRemaining(name -> {
            JsonNode value = members.get(name);
            if (value.isNumber() || value.isBoolean()) {
                members.set(name, TextNode.valueOf(value.asText()));
            } else if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isNumber() || array.get(i).isBoolean()) {
                        array.set(i, TextNode.valueOf(array.get(i).asText()));
                    }
                }
            }
        });
    }
}

package io.rolegate.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The API's OpenAPI document (/q/openapi) as the contract of every answer the tests receive: {@link #FILTER} is on
 * every request of {@link ApiClient}, and fails the request's test when the answer's status, media type, body or
 * required headers are not what the document says for that operation. Bodies are checked with a JSON Schema
 * 2020-12 validator (the dialect of OpenAPI 3.1) against the document's own schemas.
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static volatile JsonNode document;
    private static final Map<String, SchemaCheck> SCHEMAS = new ConcurrentHashMap<>();

    /** Validates each answer against the document; a mismatch fails with every problem found. */
    public static final Filter FILTER = ApiContract::filter;

    private ApiContract() {
    }

    /** Compiles a schema once and lists what an instance violates. */
    interface SchemaCheck {
        List<String> violations(JsonNode instance);
    }

    private static Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        Response response = context.next(request, expected);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/api/v1")) {
            Map<String, String> headers = new HashMap<>();
            response.getHeaders().forEach(header -> headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue()));
            List<String> problems = problems(request.getMethod(), path, response.statusCode(), headers,
                    response.getContentType(), response.asString());
            if (!problems.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + path + " answered " + response.statusCode()
                        + " outside the OpenAPI document:\n  " + String.join("\n  ", problems) + "\nbody: " + response.asString());
            }
        }
        return response;
    }

    /** The document as the application serves it. */
    public static JsonNode document() {
        if (document == null) {
            String text = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
            try {
                document = JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return document;
    }

    /**
     * What an answer breaks of the document: an undocumented status, media type or required header, a body that
     * does not fit its schema. Answers to paths the document does not have must be problems.
     */
    public static List<String> problems(String method, String path, int status, Map<String, String> headers,
            String contentType, String body) {
        List<String> problems = new ArrayList<>();
        JsonNode operation = operation(path, method.toLowerCase(Locale.ROOT));
        String mediaType = contentType == null || contentType.isBlank() ? null
                : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (operation == null) {
            if (status < 400) {
                problems.add("no documented operation " + method + " " + path);
            } else if (!PROBLEM.equals(mediaType)) {
                problems.add("an error of an undocumented path is not " + PROBLEM + " but " + mediaType);
            } else {
                problems.addAll(check(JSON.createObjectNode().put("$ref", "#/components/schemas/Problem"), body));
            }
            return problems;
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not documented for " + operation.path("operationId").asText());
            return problems;
        }
        Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> header = declared.next();
            String value = headers.get(header.getKey().toLowerCase(Locale.ROOT));
            if (value == null && header.getValue().path("required").asBoolean()) {
                problems.add("required header " + header.getKey() + " is missing");
            }
            if (value != null && header.getValue().path("schema").path("type").asText().equals("integer")
                    && !value.matches("-?[0-9]+")) {
                problems.add("header " + header.getKey() + " is not an integer: " + value);
            }
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add("a body where the document has none");
            }
            return problems;
        }
        JsonNode media = mediaType == null ? null : content.get(mediaType);
        if (media == null) {
            problems.add("media type " + mediaType + " is not documented; documented: " + content.fieldNames().next());
            return problems;
        }
        problems.addAll(check(media.path("schema"), body));
        return problems;
    }

    /** What a JSON text breaks of one of the document's schemas, e.g. a request body. */
    public static List<String> schemaProblems(String schemaName, String json) {
        return check(JSON.createObjectNode().put("$ref", "#/components/schemas/" + schemaName), json);
    }

    private static List<String> check(JsonNode schema, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of("no body where the document has one");
        }
        return SCHEMAS.computeIfAbsent(schema.toString(), ignored -> compile(schema)).violations(instance);
    }

    /** The operation's schema with the document's components beside it, so its references resolve. */
    private static SchemaCheck compile(JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document().path("components"));
        return JsonSchemas.compile(root);
    }

    private static JsonNode operation(String path, String method) {
        Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> item = paths.next();
            String pattern = item.getKey().replaceAll("\\{[^/}]+}", "[^/]+");
            if (path.matches(pattern)) {
                return item.getValue().get(method);
            }
        }
        return null;
    }
}

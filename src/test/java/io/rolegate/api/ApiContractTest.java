package io.rolegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.ApiContract;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document is a contract a generated client can trust (docs/api.md): it lints clean, names every
 * operation and its scope, types every answer, and has only the API's schemas. That every real answer fits it is
 * checked on every API request of the tests (ApiContract's filter on ApiClient).
 */
@QuarkusTest
class ApiContractTest {

    private static final Set<String> OPERATIONS = Set.of("listConnections", "getConnection", "startCheck", "getCheck",
            "createOrganisation", "obtainCredentials");

    @Test
    void theDocumentLintsWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(ApiContract.document().toString(), null, options);
        assertTrue(result.getOpenAPI() != null, "the document parses");
        assertEquals(List.of(), result.getMessages(), "swagger-parser's validation messages");
    }

    @Test
    void everyOperationHasAnIdAScopeAndTypedAnswers() {
        JsonNode document = ApiContract.document();
        assertEquals("3.1.0", document.path("openapi").asText());
        assertFalse(document.path("servers").path(0).path("url").asText().isEmpty(), "servers names the base URL");
        Set<String> ids = new TreeSet<>();
        List<String> untyped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations(document)) {
            JsonNode value = operation.getValue();
            ids.add(value.path("operationId").asText());
            JsonNode scopes = value.path("security").path(0).path(ApiDocumentFilter.SCHEME);
            assertEquals(1, scopes.size(), operation.getKey() + " names the one scope it needs");
            assertTrue(Set.of("read", "credentials", "manage").contains(scopes.path(0).asText()), operation.getKey());
            value.path("responses").fields().forEachRemaining(response -> {
                boolean typed = response.getValue().path("content").size() > 0;
                if (!typed && !response.getKey().equals("304")) {
                    untyped.add(operation.getKey() + " " + response.getKey());
                }
                assertTrue(response.getValue().path("headers").has("RateLimit-Remaining"), operation.getKey() + " " + response.getKey());
            });
        }
        assertEquals(OPERATIONS, ids);
        assertEquals(List.of(), untyped, "answers without a schema");
        assertEquals(3, document.path("components").path("securitySchemes").path(ApiDocumentFilter.SCHEME).path("x-scopes").size());
    }

    @Test
    void onlyTheApisSchemasAreInTheDocument() {
        Set<String> schemas = new TreeSet<>();
        ApiContract.document().path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertEquals(new TreeSet<>(Set.of("BucketView", "CheckJson", "CheckOutcome", "CheckStarted", "CheckTrigger",
                "ConnectionDetail", "ConnectionList", "ConnectionStatus", "ConnectionSummary", "CredentialsRequest",
                "CredentialsResponse", "ExternalIdView", "LastCheck", "OrganisationCreated", "OrganisationRef",
                "OrganisationRequest", "Problem", "Resources", "State", "Step", "StepStatus")), schemas);
    }

    @Test
    void parametersAndBodiesCarryTheServersOwnLimits() {
        JsonNode document = ApiContract.document();
        JsonNode list = document.path("paths").path("/api/v1/connections").path("get").path("parameters");
        for (JsonNode parameter : list) {
            JsonNode schema = parameter.path("schema");
            switch (parameter.path("name").asText()) {
                case "page" -> assertEquals("integer/0/10737418/0", integer(schema));
                case "size" -> assertEquals("integer/1/200/50", integer(schema));
                case "status" -> assertEquals("#/components/schemas/ConnectionStatus", schema.path("$ref").asText());
                case "organisation" -> assertEquals("uuid", schema.path("format").asText());
                default -> throw new AssertionError("undocumented parameter " + parameter);
            }
        }
        JsonNode organisation = document.path("components").path("schemas").path("OrganisationRequest");
        assertEquals("[\"name\",\"email\"]", organisation.path("required").toString());
        assertEquals(100, organisation.path("properties").path("name").path("maxLength").asInt());
        assertEquals(254, organisation.path("properties").path("email").path("maxLength").asInt());
        assertEquals("email", organisation.path("properties").path("email").path("format").asText());
        assertEquals(List.of(), ApiContract.schemaProblems("OrganisationRequest",
                "{\"name\":\"Globex\",\"email\":\"ops@globex.com\"}"), "a body the server accepts fits");
        for (String refused : List.of("{\"name\":\"Globex\"}", "{\"name\":\"\",\"email\":\"ops@globex.example\"}",
                "{\"name\":\"Globex\",\"email\":\"not an email\"}", "{\"name\":\"a\\u0000b\",\"email\":\"a@b.example\"}")) {
            assertFalse(ApiContract.schemaProblems("OrganisationRequest", refused).isEmpty(), "the document refuses " + refused);
        }
        assertEquals(List.of(), ApiContract.schemaProblems("CredentialsRequest", "{}"));
        assertFalse(ApiContract.schemaProblems("CredentialsRequest", "{\"durationSeconds\":600}").isEmpty());
        assertFalse(ApiContract.schemaProblems("CredentialsRequest", "{\"purpose\":\"has space\"}").isEmpty());
        JsonNode credentials = document.path("components").path("schemas").path("CredentialsRequest").path("properties");
        assertEquals(900, credentials.path("durationSeconds").path("minimum").asInt());
        assertEquals(3600, credentials.path("durationSeconds").path("maximum").asInt());
        assertEquals("^(?:[\\w+=,.@-]{1,32})$", credentials.path("purpose").path("pattern").asText());
        assertFalse(document.path("paths").path("/api/v1/connections/{id}/credentials").path("post")
                .path("requestBody").path("required").asBoolean(), "an empty body is accepted");
        assertEquals("[\"string\",\"null\"]", document.path("components").path("schemas").path("ConnectionDetail")
                .path("properties").path("revokedAt").path("type").toString());
    }

    @Test
    void theValidatorRejectsAnAnswerThatDriftsFromTheDocument() {
        String page = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0,\"next\":null,\"prev\":null}";
        Map<String, String> headers = Map.of("cache-control", "no-store", "ratelimit-limit", "60",
                "ratelimit-remaining", "59", "ratelimit-reset", "1");
        assertEquals(List.of(), ApiContract.problems("GET", "/api/v1/connections", 200, headers, "application/json", page));
        assertFalse(ApiContract.problems("GET", "/api/v1/connections", 200, headers, "application/json",
                page.replace(",\"next\":null", "")).isEmpty(), "a missing member");
        assertFalse(ApiContract.problems("GET", "/api/v1/connections", 200, headers, "application/json",
                page.replace("\"total\":0", "\"total\":\"0\"")).isEmpty(), "a wrong type");
        assertEquals(List.of(), ApiContract.schemaProblems("OrganisationRef",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Acme\"}"));
        assertFalse(ApiContract.schemaProblems("OrganisationRef", "{\"id\":\"not-a-uuid\",\"name\":\"Acme\"}").isEmpty(),
                "formats are asserted");
        assertFalse(ApiContract.problems("GET", "/api/v1/connections", 200, Map.of(), "application/json", page).isEmpty(),
                "missing headers");
        assertFalse(ApiContract.problems("GET", "/api/v1/connections", 418, headers, "application/json", page).isEmpty(),
                "an undocumented status");
        assertFalse(ApiContract.problems("GET", "/api/v1/nowhere", 404, headers, "text/html", "<html></html>").isEmpty(),
                "an HTML error");
    }

    private static String integer(JsonNode schema) {
        return schema.path("type").asText() + "/" + schema.path("minimum").asText() + "/" + schema.path("maximum").asText()
                + "/" + schema.path("default").asText();
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode document) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method ->
                    operations.add(Map.entry(method.getKey() + " " + path.getKey(), method.getValue())));
        }
        return operations;
    }
}

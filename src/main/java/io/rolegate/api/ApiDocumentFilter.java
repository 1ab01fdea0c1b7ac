package io.rolegate.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Shapes the generated OpenAPI document into the API's contract (docs/api.md): only /api/v1 and the schemas it
 * uses (never the pages' template types); every operation's error answers as {@link ApiError} problems with their
 * headers; {@code required} and nullability exactly as the JSON is written (every member is always written,
 * {@code null} where {@link #NULLABLE} says it can be); ids and times as string formats; Bean Validation patterns
 * anchored as the server applies them (whole value). The contract test validates every answer of the API tests
 * against the result, so a change of the JSON that this misses fails the build.
 */
public class ApiDocumentFilter implements OASFilter {

    /** The security scheme's name; each operation names its token scope in its requirement on it. */
    public static final String SCHEME = "apiToken";
    private static final String REF = "#/components/schemas/";
    private static final String PROBLEM = "Problem";

    /** Members that are written as {@code null} when absent, per schema. */
    private static final Map<String, Set<String>> NULLABLE = Map.of(
            "ConnectionSummary", Set.of("roleArn", "lastCheck"),
            "ConnectionDetail", Set.of("roleArn", "lastCheck", "revokedAt"),
            "ConnectionList", Set.of("next", "prev"),
            "LastCheck", Set.of("outcome", "checkedAt"),
            "BucketView", Set.of("prefix"),
            "CheckJson", Set.of("finishedAt", "sessionName", "roleArn"),
            "Step", Set.of("resource", "code", "awsErrorCode", "requestId", "durationMs", "message", "note", "fix",
                    "kmsKeyArn"));
    /** Members left out when absent (JsonInclude NON_NULL), and request bodies' optional members. */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            PROBLEM, Set.of("field"),
            "Step", Set.of("detail"),
            "CredentialsRequest", Set.of("durationSeconds", "purpose", "refresh"));
    /** Java types the scanner makes schemas of, written as strings of these formats. */
    private static final Map<String, String> FORMATS = Map.of("UUID", "uuid", "Instant", "date-time");
    /** Schemas whose Java name is not the contract's name. */
    private static final Map<String, String> RENAMED = Map.of("OrganisationForm", "OrganisationRequest");
    /** The token scopes, for clients and generators that read them from the security scheme. */
    private static final Map<String, String> SCOPES = new TreeMap<>(Map.of(
            "read", "connections and their checks; start checks",
            "credentials", "short-lived AWS credentials of active connections",
            "manage", "create organisations with a first invite"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Paths api = OASFactory.createPaths();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(ApiTokenMechanism.API_PATH)) {
                api.addPathItem(path, item);
                item.getOperations().forEach((method, operation) -> answers(path, method, operation));
            }
        });
        openAPI.setPaths(api);
        Components components = openAPI.getComponents();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> schemas.put(RENAMED.getOrDefault(name, name), schema));
        everySchema(openAPI, schemas, ApiDocumentFilter::retype);
        schemas.forEach(ApiDocumentFilter::members);
        components.setSchemas(reachable(openAPI, schemas));
        components.getSecuritySchemes().get(SCHEME).addExtension("x-scopes", SCOPES);
    }

    /** The problems and headers every operation may answer with, besides what its annotations declare. */
    private static void answers(String path, PathItem.HttpMethod method, Operation operation) {
        boolean post = method == PathItem.HttpMethod.POST;
        APIResponses responses = operation.getResponses();
        Map<String, String> added = new LinkedHashMap<>();
        added.put("400", "an unknown, repeated or invalid query parameter, header or body member (field names it)");
        added.put("401", "missing, unknown or revoked token");
        added.put("403", "the token lacks the operation's scope");
        if (path.contains("{")) {
            added.put("404", "no such resource");
        }
        added.put("406", "the Accept header excludes application/json");
        if (post) {
            added.put("409", "a request with the same Idempotency-Key is still running (idempotency_key_in_use)");
            added.put("413", "the request body is larger than 2 MB");
            added.put("415", "the body is not application/json");
            added.put("422", "the Idempotency-Key was used for a different request (idempotency_key_reused)");
        }
        added.put("429", "rate limit of the token exceeded; see Retry-After");
        added.put("500", "an unexpected failure, logged on the server");
        added.forEach((code, description) -> {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((code, response) -> headers(operation, post, Integer.parseInt(code), response));
    }

    private static void headers(Operation operation, boolean post, int status, APIResponse response) {
        if (status >= 400) {
            response.setContent(OASFactory.createContent().addMediaType(ApiError.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF + PROBLEM))));
        }
        header(response, "Cache-Control", "always no-store: answers carry external IDs, invite links or credentials",
                true, SchemaType.STRING);
        boolean limited = status != 401 && status != 413;
        header(response, ApiResponses.RATE_LIMIT_LIMIT, "requests the token may make per minute", limited, SchemaType.INTEGER);
        header(response, ApiResponses.RATE_LIMIT_REMAINING, "requests the token has left now", limited, SchemaType.INTEGER);
        header(response, ApiResponses.RATE_LIMIT_RESET, "seconds until the token may make RateLimit-Limit requests again",
                limited, SchemaType.INTEGER);
        if (status == 401) {
            header(response, "WWW-Authenticate", "Bearer realm=\"rolegate-api\"", true, SchemaType.STRING);
        }
        if (status == 429 || status == 503 || status == 409) {
            header(response, "Retry-After", "seconds to wait before retrying", status != 409, SchemaType.INTEGER);
        }
        String id = operation.getOperationId();
        if ((status == 200 || status == 304) && ("getConnection".equals(id) || "getCheck".equals(id))) {
            header(response, "ETag", "a strong tag of the body; send it in If-None-Match to get 304 while unchanged",
                    true, SchemaType.STRING);
        }
        if (post && status < 300) {
            header(response, Idempotency.REPLAYED, "with an Idempotency-Key: true when this answer is the first one replayed",
                    false, SchemaType.STRING);
        }
    }

    private static void header(APIResponse response, String name, String description, boolean required, SchemaType type) {
        Header header = OASFactory.createHeader().description(description).required(required)
                .schema(OASFactory.createSchema().addType(type));
        response.addHeader(name, header);
    }

    /** Scanner artefacts out: UUID and Instant as string formats, renamed schemas by their contract name. */
    private static void retype(Schema schema) {
        String ref = schema.getRef();
        if (ref == null || !ref.startsWith(REF)) {
            return;
        }
        String name = ref.substring(REF.length());
        if (FORMATS.containsKey(name)) {
            schema.setRef(null);
            schema.setType(List.of(SchemaType.STRING));
            schema.setFormat(FORMATS.get(name));
        } else if (RENAMED.containsKey(name)) {
            schema.setRef(REF + RENAMED.get(name));
        }
    }

    /**
     * {@code required} lists every member that is always written, nullable members may be {@code null}
     * (OpenAPI 3.1: a {@code "null"} type, or {@code anyOf} with it for a reference), patterns match whole values.
     */
    private static void members(String name, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Set<String> optional = OPTIONAL.getOrDefault(name, Set.of());
        Set<String> nullable = NULLABLE.getOrDefault(name, Set.of());
        schema.setRequired(schema.getProperties().keySet().stream().filter(member -> !optional.contains(member)).toList());
        schema.getProperties().forEach((member, property) -> {
            // "\\S" is how the scanner writes @NotBlank: "has a non-blank character" anywhere, not a whole value.
            if (property.getPattern() != null && !property.getPattern().startsWith("^") && !property.getPattern().equals("\\S")) {
                property.setPattern("^(?:" + property.getPattern() + ")$");
            }
            if (nullable.contains(member)) {
                if (property.getRef() != null) {
                    Schema referenced = OASFactory.createSchema().ref(property.getRef());
                    property.setRef(null);
                    property.setAnyOf(List.of(referenced, OASFactory.createSchema().addType(SchemaType.NULL)));
                } else {
                    property.addType(SchemaType.NULL);
                }
            }
        });
        if (name.equals("OrganisationRequest")) {
            // @Email and @NotBlank (whose pattern the name's @Pattern replaced) in the document's terms.
            schema.getProperties().get("email").setFormat("email");
            schema.getProperties().get("name").setMinLength(1);
        }
    }

    /** Only the schemas the API's operations use, directly or through other schemas. */
    private static Map<String, Schema> reachable(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> used = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        Consumer<Schema> collect = schema -> {
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(REF) && used.add(ref.substring(REF.length()))) {
                pending.add(ref.substring(REF.length()));
            }
        };
        operationSchemas(openAPI).forEach(schema -> walk(schema, collect));
        while (!pending.isEmpty()) {
            Schema schema = schemas.get(pending.poll());
            if (schema != null) {
                walk(schema, collect);
            }
        }
        Map<String, Schema> kept = new TreeMap<>();
        schemas.forEach((name, schema) -> {
            if (used.contains(name)) {
                kept.put(name, schema);
            }
        });
        return kept;
    }

    private static void everySchema(OpenAPI openAPI, Map<String, Schema> schemas, Consumer<Schema> action) {
        operationSchemas(openAPI).forEach(schema -> walk(schema, action));
        schemas.values().forEach(schema -> walk(schema, action));
    }

    /** The schemas written in the operations themselves: parameters, bodies, answers and their headers. */
    private static List<Schema> operationSchemas(OpenAPI openAPI) {
        List<Schema> found = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().map(Parameter::getSchema).filter(schema -> schema != null).forEach(found::add);
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                        .filter(schema -> schema != null).forEach(found::add);
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                            .filter(schema -> schema != null).forEach(found::add);
                }
                if (response.getHeaders() != null) {
                    response.getHeaders().values().stream().map(Header::getSchema).filter(schema -> schema != null)
                            .forEach(found::add);
                }
            });
        }));
        return found;
    }

    /** The schema and every schema nested in it (members, items, alternatives). */
    private static void walk(Schema schema, Consumer<Schema> action) {
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(nested -> walk(nested, action));
        }
        if (schema.getItems() != null) {
            walk(schema.getItems(), action);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            walk(schema.getAdditionalPropertiesSchema(), action);
        }
        for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (alternatives != null) {
                alternatives.forEach(nested -> walk(nested, action));
            }
        }
    }
}

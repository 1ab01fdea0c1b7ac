package io.rolegate.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.aws.AwsFailure;
import io.rolegate.broker.CredentialBroker;
import io.rolegate.broker.CredentialRequest;
import io.rolegate.broker.Grant;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.organisation.OrganisationForm;
import io.rolegate.verification.CheckJson;
import io.rolegate.verification.CheckReports;
import io.rolegate.verification.CheckService;
import io.rolegate.verification.CheckTrigger;
import io.rolegate.web.InputRefused;
import io.rolegate.web.PublicUrl;
import io.rolegate.web.TextInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The vendor's JSON API (PRODUCT §11). Authentication happens before this class (ApiTokenMechanism); each
 * endpoint first asks {@link ApiCaller#require(Scope)} for its scope and the rate limit. Errors are always
 * {@link ApiError} JSON: the exception mappers below apply to this class only, so pages keep their HTML
 * error pages.
 */
/**
 * The vendor's JSON API (PRODUCT §11, docs/api.md). Authentication happens before this class (ApiTokenMechanism);
 * each endpoint first asks {@link ApiCaller#require(Scope)} for its scope and the rate limit. Errors are always
 * problems ({@link ApiError}): the exception mappers below apply to this class, {@link ApiResponses} to every other
 * answer under /api/v1, so pages keep their HTML error pages. The annotations are the contract: the OpenAPI
 * document at /q/openapi is generated from them and shaped by {@link ApiDocumentFilter}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rolegate API")
@SecurityScheme(securitySchemeName = ApiDocumentFilter.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (rgt_…) created by an administrator at /staff/api-tokens. Each operation "
                + "lists the token scope it needs (read, credentials or manage) in its security requirement.")
public class ApiResource {

    private static final Logger LOG = Logger.getLogger(ApiResource.class);
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;
    private static final String CONNECTIONS = "/api/v1/connections";
    private static final String IDEMPOTENCY = "Makes the request safe to retry: the same key with the same request "
            + "within 24 hours replays the first successful answer (Idempotent-Replayed: true); with another request "
            + "it is a 422. 16 to 255 visible ASCII characters; a random UUID is fine.";

    private final ApiCaller caller;
    private final ConnectionRepository connections;
    private final CredentialBroker broker;
    private final CheckService checks;
    private final CheckReports reports;
    private final Onboarding onboarding;
    private final PublicUrl publicUrl;
    private final Idempotency idempotency;
    private final Validator validator;
    private final ObjectMapper json;

    ApiResource(ApiCaller caller, ConnectionRepository connections, CredentialBroker broker, CheckService checks,
            CheckReports reports, Onboarding onboarding, PublicUrl publicUrl, Idempotency idempotency,
            Validator validator, ObjectMapper json) {
        this.caller = caller;
        this.connections = connections;
        this.broker = broker;
        this.checks = checks;
        this.reports = reports;
        this.onboarding = onboarding;
        this.publicUrl = publicUrl;
        this.idempotency = idempotency;
        this.validator = validator;
        this.json = json;
    }

    @GET
    @Path("connections")
    @Operation(operationId = "listConnections", summary = "List connections",
            description = "Newest first, a page at a time: follow next (in the body and the Link header) until it is null.")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "read")
    @APIResponse(responseCode = "200", description = "a page of connections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiViews.ConnectionList.class)),
            headers = @Header(name = "Link", description = "RFC 8288 links to the next and previous page (rel=\"next\", rel=\"prev\"), when there are such pages",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "invalid filter or paging, or an unknown query parameter")
    public Response connections(
            @Parameter(description = "only connections in this status (case does not matter)",
                    schema = @Schema(implementation = ConnectionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "only connections of this organisation",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("organisation") String organisation,
            @Parameter(description = "0-based page number",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10737418", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "connections per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size) {
        caller.require(Scope.READ);
        Optional<ConnectionStatus> statusFilter = Optional.ofNullable(status).map(ApiResource::status);
        Optional<UUID> organisationFilter = Optional.ofNullable(organisation)
                .map(id -> uuid(id).orElseThrow(() -> ApiException.badField("organisation", "invalid_parameter",
                        "organisation must be an organisation id (UUID)")));
        int pageIndex = number("page", page, 0, 0, MAX_PAGE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        ConnectionRepository.Page found = QuarkusTransaction.requiringNew().call(() ->
                connections.page(statusFilter, organisationFilter, pageIndex, pageSize));
        boolean more = (long) (pageIndex + 1) * pageSize < found.total();
        String next = more ? pageLink(statusFilter, organisationFilter, pageIndex + 1, pageSize) : null;
        String prev = pageIndex > 0 ? pageLink(statusFilter, organisationFilter, pageIndex - 1, pageSize) : null;
        Response.ResponseBuilder response = Response.ok(new ApiViews.ConnectionList(
                found.items().stream().map(ApiViews.ConnectionSummary::of).toList(), pageIndex, pageSize, found.total(),
                next, prev));
        List<String> links = new ArrayList<>();
        Optional.ofNullable(next).ifPresent(link -> links.add("<" + link + ">; rel=\"next\""));
        Optional.ofNullable(prev).ifPresent(link -> links.add("<" + link + ">; rel=\"prev\""));
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }

    /** A relative link (never built from the Host header) to another page with the same filters. */
    private static String pageLink(Optional<ConnectionStatus> status, Optional<UUID> organisation, int page, int size) {
        StringBuilder link = new StringBuilder(CONNECTIONS).append("?page=").append(page).append("&size=").append(size);
        status.ifPresent(value -> link.append("&status=").append(value.name()));
        organisation.ifPresent(value -> link.append("&organisation=").append(value));
        return link.toString();
    }

    @GET
    @Path("connections/{id}")
    @Operation(operationId = "getConnection", summary = "One connection", description = "Status, organisation, "
            + "account, partition, region, role ARN, external IDs with their state, resources and the last check. "
            + "Send the ETag back in If-None-Match to get a 304 while nothing changed.")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "read")
    @APIResponse(responseCode = "200", description = "the connection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiViews.ConnectionDetail.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "no such connection")
    public Response connection(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
            @Context Request request) {
        caller.require(Scope.READ);
        UUID connectionId = connectionId(id);
        ApiViews.ConnectionDetail detail = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findByIdOptional(connectionId)
                .map(ApiViews.ConnectionDetail::of)
                .orElseThrow(() -> ApiException.notFound("connection")));
        return tagged(detail, request);
    }

    @POST
    @Path("connections/{id}/checks")
    @Operation(operationId = "startCheck", summary = "Start a live check", description = "Answers 202 with the "
            + "check's URL (also in Location); when a check is already running, that one's (joined: true).")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "read")
    @APIResponse(responseCode = "202", description = "the check runs; poll its URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiViews.CheckStarted.class)),
            headers = @Header(name = "Location", required = true, description = "the check's URL, relative",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "no such connection")
    @APIResponse(responseCode = "409", description = "the connection is revoked (connection_revoked), or a request "
            + "with the same Idempotency-Key is still running (idempotency_key_in_use)")
    @APIResponse(responseCode = "429", description = "too many checks of this connection, or too many requests with this token")
    public Response startCheck(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY,
                    schema = @Schema(type = SchemaType.STRING, minLength = 16, maxLength = 255, pattern = "^[\\x21-\\x7E]+$"))
            String idempotencyKey) {
        ApiTokenService.Caller token = caller.require(Scope.READ);
        UUID connectionId = existingConnection(id);
        return idempotency.once(token.tokenId(), idempotencyKey, "POST " + CONNECTIONS + "/" + connectionId + "/checks", () -> {
            CheckService.Start start = checks.start(connectionId, CheckTrigger.API, ApiCaller.actor(token));
            if (start instanceof CheckService.Start.Revoked) {
                throw new ApiException(409, "connection_revoked", "The connection is revoked: it is never checked again.");
            }
            if (start instanceof CheckService.Start.RateLimited limited) {
                throw new ApiException(429, "rate_limited", "At most " + limited.perMinute() + " checks per minute.", 60);
            }
            String url = CONNECTIONS + "/" + connectionId + "/checks/" + start.checkId();
            // A relative reference: location(URI) would complete it with the address of the request's Host header.
            return Response.accepted(new ApiViews.CheckStarted(start.checkId(), connectionId, url,
                    start instanceof CheckService.Start.Joined)).header(HttpHeaders.LOCATION, url).build();
        });
    }

    @GET
    @Path("connections/{id}/checks/{checkId}")
    @Operation(operationId = "getCheck", summary = "A check", description = "The check as JSON; "
            + "outcome is RUNNING until done. Poll with the ETag in If-None-Match: 304 while nothing changed.")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "read")
    @APIResponse(responseCode = "200", description = "the check",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckJson.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "no such connection or check")
    public Response check(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
            @PathParam("checkId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String checkId,
            @Context Request request) {
        caller.require(Scope.READ);
        UUID connectionId = connectionId(id);
        UUID check = uuid(checkId).orElseThrow(() -> ApiException.notFound("check"));
        CheckJson found = reports.of(connectionId, check, Locale.ENGLISH, true)
                .orElseThrow(() -> ApiException.notFound("check"));
        return tagged(found, request);
    }

    /** 200 with a strong ETag of the body, or 304 when If-None-Match names it (RFC 9110 section 13.1.2). */
    private Response tagged(Object body, Request request) {
        EntityTag tag;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            tag = new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(body)).tag(tag).build();
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrganisation", summary = "Create an organisation with a first invite",
            description = "Returns the single-use invite link (valid 7 days) for the given email; it is shown only "
                    + "in this answer, so send an Idempotency-Key to be able to retry safely.")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "manage")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationForm.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiViews.OrganisationCreated.class)))
    @APIResponse(responseCode = "400", description = "invalid name or email, or malformed JSON")
    @APIResponse(responseCode = "409", description = "the organisation or the user exists already, or a request "
            + "with the same Idempotency-Key is still running")
    public Response createOrganisation(OrganisationForm body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY,
                    schema = @Schema(type = SchemaType.STRING, minLength = 16, maxLength = 255, pattern = "^[\\x21-\\x7E]+$"))
            String idempotencyKey) {
        ApiTokenService.Caller token = caller.require(Scope.MANAGE);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {\"name\": …, \"email\": …}.");
        }
        return idempotency.once(token.tokenId(), idempotencyKey, "POST /api/v1/organisations " + write(body), () -> {
            Onboarding.Onboarded created = onboarding.create(body, ApiCaller.actor(token));
            String inviteUrl = created.token().link(publicUrl.base());
            return Response.status(201)
                    .entity(new ApiViews.OrganisationCreated(created.organisation().id, created.organisation().name,
                            created.invite().email, inviteUrl, created.invite().expiresAt))
                    .build();
        });
    }

    @POST
    @Path("connections/{id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "obtainCredentials", summary = "Temporary AWS credentials of an ACTIVE connection",
            description = "durationSeconds 900-3600 (default 900); purpose (default 'default') names the session "
                    + "rolegate-{first 8 hex digits of the connection id}-{purpose} in the customer's CloudTrail. "
                    + "Credentials are cached per connection, purpose and duration and always have at least 5 minutes "
                    + "left. refresh: true (or the request header Cache-Control: no-cache) assumes the role again and "
                    + "replaces the cached set, e.g. after the customer re-created the role; like every request it "
                    + "counts against the token's rate limit. Any status but ACTIVE, and a connection in a partition "
                    + "where the vendor has no identity, answer 409 without a call to AWS.")
    @SecurityRequirement(name = ApiDocumentFilter.SCHEME, scopes = "credentials")
    @RequestBody(required = false, description = "optional: an empty body asks for the defaults",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiViews.CredentialsRequest.class)))
    @APIResponse(responseCode = "200", description = "credentials; never stored or logged by Rolegate in clear",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiViews.CredentialsResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid purpose, duration or refresh, or malformed JSON")
    @APIResponse(responseCode = "404", description = "no such connection")
    @APIResponse(responseCode = "409", description = "the connection is PENDING, FAILING or REVOKED "
            + "(connection_pending, …), or its partition is not offered (partition_unavailable); nothing was asked of AWS. "
            + "Or a request with the same Idempotency-Key is still running (idempotency_key_in_use)")
    @APIResponse(responseCode = "502", description = "AWS refused the AssumeRole (the role changed?)")
    @APIResponse(responseCode = "503", description = "AWS or the vendor's credentials unavailable; see Retry-After")
    public Response credentials(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
            ApiViews.CredentialsRequest body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY,
                    schema = @Schema(type = SchemaType.STRING, minLength = 16, maxLength = 255, pattern = "^[\\x21-\\x7E]+$"))
            String idempotencyKey,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(description = "no-cache: as refresh: true",
                    schema = @Schema(type = SchemaType.STRING)) String cacheControl) {
        ApiTokenService.Caller token = caller.require(Scope.CREDENTIALS);
        UUID connectionId = connectionId(id);
        ApiViews.CredentialsRequest asked = body == null ? new ApiViews.CredentialsRequest(null, null, null) : body;
        validator.validate(asked).stream().map(violation -> violation.getPropertyPath().toString()).sorted().findFirst()
                .ifPresent(field -> {
                    throw ApiException.badField(field, "invalid_parameter", field.equals("purpose")
                            ? CredentialRequest.problem(asked.purpose(), null).orElseThrow()
                            : CredentialRequest.problem(null, asked.durationSeconds()).orElseThrow());
                });
        boolean fresh = asked.fresh() || (cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache"));
        String fingerprint = "POST " + CONNECTIONS + "/" + connectionId + "/credentials " + write(asked) + " fresh=" + fresh;
        return idempotency.once(token.tokenId(), idempotencyKey, fingerprint, () -> {
            Grant grant = broker.obtain(CredentialRequest.of(connectionId, asked.purpose(), asked.durationSeconds()),
                    new CredentialBroker.Requester(token.tokenId(), ApiCaller.actor(token)), fresh);
            if (grant instanceof Grant.Granted granted) {
                return Response.ok(new ApiViews.CredentialsResponse(granted.credentials().accessKeyId(),
                        granted.credentials().secretAccessKey(), granted.credentials().sessionToken(),
                        granted.credentials().expiration(), granted.region(), granted.roleArn())).build();
            }
            if (grant instanceof Grant.Refused refused) {
                throw refusal(refused.status());
            }
            if (grant instanceof Grant.Failed failed) {
                throw awsFailure(failed.failure());
            }
            throw ApiException.notFound("connection");
        });
    }

    /** The parsed request body as JSON: what an Idempotency-Key is compared by, whitespace and order aside. */
    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException refusal(ConnectionStatus status) {
        String reason = switch (status) {
            case PENDING -> "The connection is PENDING: its role has not passed a check yet.";
            case FAILING -> "The connection is FAILING: its last check failed; run a check once the role is fixed.";
            case REVOKED -> "The connection is REVOKED: Rolegate never uses its role again.";
            case ACTIVE -> "The connection has no role ARN.";
        };
        return new ApiException(409, "connection_" + status.id(), reason);
    }

    private static ApiException awsFailure(AwsFailure failure) {
        String reference = " (AWS " + failure.errorCode() + ", request " + failure.requestId() + ")";
        return switch (failure.kind()) {
            case THROTTLED, UNAVAILABLE, TIMEOUT -> new ApiException(503, "aws_unavailable",
                    "AWS STS did not answer in time or throttled the request; retry later" + reference + ".", 5);
            case VENDOR_CREDENTIALS -> new ApiException(503, "vendor_credentials",
                    "Rolegate's own AWS credentials are missing or invalid: an operator must fix them" + reference + ".", 60);
            case PARTITION_UNAVAILABLE -> new ApiException(409, "partition_unavailable",
                    "The connection's partition is not offered: " + failure.detail() + ".");
            default -> new ApiException(502, "assume_role_failed",
                    "AWS refused the AssumeRole of this connection's role; run a check to diagnose it" + reference + ".");
        };
    }

    /** A connection id that exists, or a 404. */
    private static UUID existingConnection(String id) {
        UUID connectionId = connectionId(id);
        if (QuarkusTransaction.requiringNew().call(() -> Connection.count("id", connectionId)) == 0) {
            throw ApiException.notFound("connection");
        }
        return connectionId;
    }

    private static UUID connectionId(String id) {
        return uuid(id).orElseThrow(() -> ApiException.notFound("connection"));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ConnectionStatus status(String value) {
        try {
            return ConnectionStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", "invalid_parameter", "status must be PENDING, ACTIVE, FAILING or REVOKED");
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like any out-of-range value
        }
        throw ApiException.badField(name, "invalid_parameter", name + " must be a whole number from " + min + " to " + max);
    }

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return e.response();
    }

    /** A control character or a repeated parameter anywhere in the request (docs/input.md), named. */
    @ServerExceptionMapper
    public Response refused(InputRefused e) {
        String field = e.parameter();
        return (e.problem() == TextInput.Problem.REPEATED
                ? ApiException.badField(field, "repeated_parameter", field + " is sent more than once; send it once.")
                : ApiException.badField(field, "control_characters",
                        field + " contains control characters (such as NUL); remove them.")).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiException.forStatus(404).response();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ApiException.forStatus(405).response();
    }

    /** Malformed JSON, wrong types, unsupported media types: the client's mistake, never a 500. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("API request failed", e);
        }
        return ApiException.forStatus(status).response();
    }

    /** JSON that does not fit the documented shape (wrong types, arrays for objects). */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return apiError(new ApiException(400, "invalid_request",
                "The request is malformed: send valid JSON with the documented fields and types."));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("API request failed", e);
        return ApiException.forStatus(500).response();
    }
}

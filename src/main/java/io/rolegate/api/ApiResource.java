package io.rolegate.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.aws.AwsFailure;
import io.rolegate.broker.CredentialBroker;
import io.rolegate.broker.CredentialRequest;
import io.rolegate.broker.Grant;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.verification.CheckJson;
import io.rolegate.verification.CheckReports;
import io.rolegate.verification.CheckService;
import io.rolegate.verification.CheckTrigger;
import io.rolegate.web.InputRefused;
import io.rolegate.web.PublicUrl;
import io.rolegate.web.TextInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rolegate API")
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (rgt_…) created by an administrator at /staff/api-tokens.")
@SecurityRequirement(name = "apiToken")
@APIResponse(responseCode = "401", description = "missing, unknown or revoked token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "the token lacks the endpoint's scope",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "429", description = "rate limit of the token exceeded; see Retry-After",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class ApiResource {

    private static final Logger LOG = Logger.getLogger(ApiResource.class);
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final ApiCaller caller;
    private final ConnectionRepository connections;
    private final CredentialBroker broker;
    private final CheckService checks;
    private final CheckReports reports;
    private final Onboarding onboarding;
    private final PublicUrl publicUrl;

    ApiResource(ApiCaller caller, ConnectionRepository connections, CredentialBroker broker, CheckService checks,
            CheckReports reports, Onboarding onboarding, PublicUrl publicUrl) {
        this.caller = caller;
        this.connections = connections;
        this.broker = broker;
        this.checks = checks;
        this.reports = reports;
        this.onboarding = onboarding;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("connections")
    @Operation(summary = "List connections", description = "Scope read. Newest first; page is 0-based, size 1-200 (default 50).")
    @APIResponse(responseCode = "200", description = "a page of connections")
    @APIResponse(responseCode = "400", description = "invalid filter or paging")
    public ApiViews.ConnectionList connections(
            @Parameter(description = "PENDING, ACTIVE, FAILING or REVOKED") @QueryParam("status") String status,
            @Parameter(description = "organisation id") @QueryParam("organisation") String organisation,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        caller.require(Scope.READ);
        Optional<ConnectionStatus> statusFilter = Optional.ofNullable(status).map(ApiResource::status);
        Optional<UUID> organisationFilter = Optional.ofNullable(organisation)
                .map(id -> uuid(id).orElseThrow(() -> ApiException.badField("organisation", "invalid_parameter",
                        "organisation must be an organisation id (UUID)")));
        int pageIndex = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return QuarkusTransaction.requiringNew().call(() -> {
            ConnectionRepository.Page found = connections.page(statusFilter, organisationFilter, pageIndex, pageSize);
            return new ApiViews.ConnectionList(found.items().stream().map(ApiViews.ConnectionSummary::of).toList(),
                    pageIndex, pageSize, found.total());
        });
    }

    @GET
    @Path("connections/{id}")
    @Operation(summary = "One connection", description = "Scope read. Status, organisation, account, partition, "
            + "region, role ARN, external IDs with their state, resources and the last check.")
    @APIResponse(responseCode = "200", description = "the connection")
    @APIResponse(responseCode = "404", description = "no such connection")
    public ApiViews.ConnectionDetail connection(@PathParam("id") String id) {
        caller.require(Scope.READ);
        UUID connectionId = connectionId(id);
        return QuarkusTransaction.requiringNew().call(() -> Connection.<Connection>findByIdOptional(connectionId)
                .map(ApiViews.ConnectionDetail::of)
                .orElseThrow(() -> ApiException.notFound("connection")));
    }

    @POST
    @Path("connections/{id}/checks")
    @Operation(summary = "Start a live check", description = "Scope read. Answers 202 with the check's URL; "
            + "when a check is already running, that one's (joined: true).")
    @APIResponse(responseCode = "202", description = "the check runs; poll its URL")
    @APIResponse(responseCode = "404", description = "no such connection")
    @APIResponse(responseCode = "409", description = "the connection is revoked")
    public Response startCheck(@PathParam("id") String id) {
        ApiTokenService.Caller token = caller.require(Scope.READ);
        UUID connectionId = existingConnection(id);
        CheckService.Start start = checks.start(connectionId, CheckTrigger.API, ApiCaller.actor(token));
        if (start instanceof CheckService.Start.Revoked) {
            throw new ApiException(409, "connection_revoked", "The connection is revoked: it is never checked again.");
        }
        if (start instanceof CheckService.Start.RateLimited limited) {
            throw new ApiException(429, "rate_limited", "At most " + limited.perMinute() + " checks per minute.", 60);
        }
        String url = "/api/v1/connections/" + connectionId + "/checks/" + start.checkId();
        // A relative reference: location(URI) would complete it with the address of the request's Host header.
        return Response.accepted(new ApiViews.CheckStarted(start.checkId(), connectionId, url,
                start instanceof CheckService.Start.Joined)).header(HttpHeaders.LOCATION, url).build();
    }

    @GET
    @Path("connections/{id}/checks/{checkId}")
    @Operation(summary = "A check", description = "Scope read. The check as JSON (PRODUCT §8); outcome is RUNNING until done.")
    @APIResponse(responseCode = "200", description = "the check",
            content = @Content(schema = @Schema(implementation = CheckJson.class)))
    @APIResponse(responseCode = "404", description = "no such connection or check")
    public CheckJson check(@PathParam("id") String id, @PathParam("checkId") String checkId) {
        caller.require(Scope.READ);
        UUID connectionId = connectionId(id);
        UUID check = uuid(checkId).orElseThrow(() -> ApiException.notFound("check"));
        return reports.of(connectionId, check, Locale.ENGLISH, true)
                .orElseThrow(() -> ApiException.notFound("check"));
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an organisation with a first invite", description = "Scope manage. "
            + "Returns the single-use invite link (valid 7 days) for the given email; it is not shown again.")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid name or email, or malformed JSON")
    @APIResponse(responseCode = "409", description = "the organisation or the user exists already")
    public Response createOrganisation(ApiViews.OrganisationRequest body) {
        ApiTokenService.Caller token = caller.require(Scope.MANAGE);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {\"name\": …, \"email\": …}.");
        }
        Onboarding.Onboarded created = onboarding.create(body.name(), body.email(), ApiCaller.actor(token));
        String inviteUrl = created.token().link(publicUrl.base());
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(new ApiViews.OrganisationCreated(created.organisation().id, created.organisation().name,
                        created.invite().email, inviteUrl, created.invite().expiresAt))
                .build();
    }

    @POST
    @Path("connections/{id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Temporary AWS credentials of an ACTIVE connection", description = "Scope credentials. "
            + "durationSeconds 900-3600 (default 900); purpose [\\w+=,.@-]{1,32} (default 'default') names the "
            + "session rolegate-{first 8 hex digits of the connection id}-{purpose} in the customer's CloudTrail. "
            + "Credentials are cached per connection, purpose and duration and always have at least 5 minutes left. "
            + "Any status but ACTIVE, and a connection in a partition where the vendor has no identity, answer 409 "
            + "without a call to AWS.")
    @APIResponse(responseCode = "200", description = "credentials; never stored or logged by Rolegate")
    @APIResponse(responseCode = "400", description = "invalid purpose or duration, or malformed JSON")
    @APIResponse(responseCode = "404", description = "no such connection")
    @APIResponse(responseCode = "409", description = "the connection is PENDING, FAILING or REVOKED "
            + "(connection_pending, …), or its partition is not offered (partition_unavailable); nothing was asked of AWS")
    @APIResponse(responseCode = "502", description = "AWS refused the AssumeRole (the role changed?)")
    @APIResponse(responseCode = "503", description = "AWS or the vendor's credentials unavailable; see Retry-After")
    public Response credentials(@PathParam("id") String id, ApiViews.CredentialsRequest body) {
        ApiTokenService.Caller token = caller.require(Scope.CREDENTIALS);
        UUID connectionId = connectionId(id);
        String purpose = body == null ? null : body.purpose();
        Integer duration = body == null ? null : body.durationSeconds();
        CredentialRequest.problem(purpose, null).ifPresent(problem -> {
            throw ApiException.badField("purpose", "invalid_parameter", problem);
        });
        CredentialRequest.problem(null, duration).ifPresent(problem -> {
            throw ApiException.badField("durationSeconds", "invalid_parameter", problem);
        });
        Grant grant = broker.obtain(CredentialRequest.of(connectionId, purpose, duration),
                new CredentialBroker.Requester(token.tokenId(), ApiCaller.actor(token)));
        if (grant instanceof Grant.Granted granted) {
            return Response.ok(new ApiViews.CredentialsResponse(granted.credentials().accessKeyId(),
                            granted.credentials().secretAccessKey(), granted.credentials().sessionToken(),
                            granted.credentials().expiration(), granted.region(), granted.roleArn()))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        if (grant instanceof Grant.Refused refused) {
            throw refusal(refused.status());
        }
        if (grant instanceof Grant.Failed failed) {
            throw awsFailure(failed.failure());
        }
        throw ApiException.notFound("connection");
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

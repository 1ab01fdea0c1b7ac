package io.rolegate.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;
import io.rolegate.connection.AccountId;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionAccess;
import io.rolegate.connection.ConnectionForm;
import io.rolegate.connection.ConnectionService;
import io.rolegate.connection.ConnectionValidation;
import io.rolegate.connection.ConnectionValidator;
import io.rolegate.connection.FieldError;
import io.rolegate.connection.Lifecycle;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.RoleArn;
import io.rolegate.policy.Artifacts;
import io.rolegate.policy.Document;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.Forms;
import io.rolegate.web.Redirect;

/** A customer's connections: the list, the creation form, the guided setup page and the role ARN. */
@Path("/connections")
public class ConnectionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Connection> connections);

        static native TemplateInstance create(ConnectionFields form, FormErrors errors, List<Partition> partitions);

        static native TemplateInstance show(SetupPage setup);
    }

    static final int MAX_REASON = 500;

    /** The creation form as posted; every field may be missing or hostile. */
    public static class ConnectionFields {
        @FormParam("label") public String label;
        @FormParam("accountId") public String accountId;
        @FormParam("partition") public String partition;
        @FormParam("region") public String region;
        @FormParam("buckets") public String buckets;
        @FormParam("kmsKeyArns") public String kmsKeyArns;

        ConnectionForm toForm() {
            return new ConnectionForm(label, accountId, partition, region, buckets, kmsKeyArns);
        }

        /** Values shown back in the form: never more than the form would accept, so a 100 KB paste is not echoed. */
        public String value(String field) {
            String value = switch (field) {
                case "label" -> label;
                case "accountId" -> accountId;
                case "partition" -> partition;
                case "region" -> region;
                case "buckets" -> buckets;
                default -> kmsKeyArns;
            };
            if (value == null) {
                return "";
            }
            return value.length() > ConnectionValidator.MAX_BUCKETS_TEXT
                    ? value.substring(0, ConnectionValidator.MAX_BUCKETS_TEXT) : value;
        }
    }

    private final ConnectionAccess access;
    private final ConnectionService service;
    private final SetupPages setupPages;
    private final Lifecycle lifecycle;
    private final Redirect redirect;

    ConnectionResource(ConnectionAccess access, ConnectionService service, SetupPages setupPages, Lifecycle lifecycle,
            Redirect redirect) {
        this.access = access;
        this.service = service;
        this.setupPages = setupPages;
        this.lifecycle = lifecycle;
        this.redirect = redirect;
    }

    @GET
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance list() {
        return Templates.list(Connection.listForOrganisation(access.user().organisationId()));
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance create() {
        ConnectionFields blank = new ConnectionFields();
        blank.partition = Partition.AWS.id();
        blank.region = "us-east-1";
        return Templates.create(blank, FormErrors.NONE, setupPages.offeredPartitions());
    }

    @POST
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam ConnectionFields fields) {
        List<Partition> offered = setupPages.offeredPartitions();
        ConnectionValidation validation = ConnectionValidator.validate(fields.toForm(), Set.copyOf(offered));
        if (validation instanceof ConnectionValidation.Invalid invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.create(fields, errors(invalid.errors()), offered))
                    .build();
        }
        Connection connection = service.create(((ConnectionValidation.Valid) validation).request(), access.user());
        return redirect.to("/connections/" + connection.id, Flash.success("flash_connection_created"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance show(@PathParam("id") String id) {
        return Templates.show(setupPages.of(access.find(id), access.user(), "", FormErrors.NONE));
    }

    @POST
    @Path("{id}/role")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response submitRole(@PathParam("id") String id, @FormParam("roleArn") String roleArn) {
        Connection connection = access.find(id);
        if (connection.isRevoked()) {
            return redirect.to("/connections/" + connection.id, Flash.error("flash_connection_revoked"));
        }
        Parsed<RoleArn> parsed = RoleArn.parse(roleArn, new AccountId(connection.accountId),
                Partition.fromId(connection.partition).orElseThrow());
        if (parsed instanceof Parsed.Invalid<RoleArn> invalid) {
            FormErrors errors = errors(Map.of("roleArn", List.of(invalid.error())));
            String shown = roleArn == null ? "" : roleArn.substring(0, Math.min(roleArn.length(), RoleArn.MAX_LENGTH));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(setupPages.of(connection, access.user(), shown, errors)))
                    .build();
        }
        service.submitRole(connection.id, parsed.orThrow(), access.user());
        return redirect.to("/connections/" + connection.id + "#check", Flash.success("flash_role_submitted"));
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response revoke(@PathParam("id") String id, @FormParam("reason") String reason,
            @FormParam("confirm") String confirm) {
        Connection connection = access.find(id);
        String trimmed = Forms.strip(reason);
        Map<String, List<FieldError>> problems = new LinkedHashMap<>();
        if (trimmed.isEmpty()) {
            problems.put("reason", List.of(FieldError.of("revoke.reason.required")));
        } else if (trimmed.length() > MAX_REASON || trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            problems.put("reason", List.of(FieldError.of("revoke.reason.invalid", MAX_REASON)));
        }
        if (!"yes".equals(confirm)) {
            problems.put("confirm", List.of(FieldError.of("revoke.confirm.required")));
        }
        if (!problems.isEmpty()) {
            SetupPage page = setupPages.of(connection, access.user(), "", errors(problems));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(page.withRevokeReason(trimmed.length() > MAX_REASON ? "" : trimmed)))
                    .build();
        }
        boolean revoked = lifecycle.revoke(connection.id, trimmed, access.user());
        return redirect.to("/connections/" + connection.id,
                revoked ? Flash.success("flash_connection_revoked_now") : Flash.error("flash_connection_revoked"));
    }

    @POST
    @Path("{id}/rotation")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response rotate(@PathParam("id") String id) {
        Connection connection = access.find(id);
        boolean rotated = lifecycle.rotate(connection.id, access.user()).isPresent();
        return redirect.to("/connections/" + connection.id,
                rotated ? Flash.success("flash_rotation_started") : Flash.error("flash_connection_revoked"));
    }

    @GET
    @Path("{id}/{file: trust-policy\\.json|permission-policy\\.json|cloudformation\\.yaml|main\\.tf|create-role\\.sh}")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Transactional
    public Response download(@PathParam("id") String id, @PathParam("file") String file) {
        Connection connection = access.find(id);
        if (connection.isRevoked()) {
            throw new NotFoundException();
        }
        Parsed<Artifacts> artifacts = setupPages.artifacts(connection);
        if (!(artifacts instanceof Parsed.Valid<Artifacts> valid)) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        Document document = valid.value().byFileName(file).orElseThrow(NotFoundException::new);
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .build();
    }

    /** Validation keys such as {@code accountId.format} become bundle keys such as {@code error_accountId_format}. */
    static FormErrors errors(Map<String, List<FieldError>> byField) {
        Map<String, List<FormErrors.Text>> texts = new LinkedHashMap<>();
        byField.forEach((field, errors) -> texts.put(field, errors.stream()
                .map(error -> new FormErrors.Text("error_" + error.key().replace('.', '_'), error.args()))
                .toList()));
        return new FormErrors(texts);
    }
}

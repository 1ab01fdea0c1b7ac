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
import io.rolegate.connection.ConnectionRepository;
import io.rolegate.connection.ConnectionService;
import io.rolegate.connection.ConnectionValidation;
import io.rolegate.connection.ConnectionValidator;
import io.rolegate.connection.FieldError;
import io.rolegate.connection.GrantedBucket;
import io.rolegate.connection.Lifecycle;
import io.rolegate.connection.Parsed;
import io.rolegate.connection.Partition;
import io.rolegate.connection.ResourceEdit;
import io.rolegate.connection.RoleArn;
import io.rolegate.database.ReadOnlySession;
import io.rolegate.policy.Artifacts;
import io.rolegate.policy.Document;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;

/**
 * A customer's connections: the list, the creation form, the guided setup page, the role ARN and editing a
 * connection's label and resources. Routes of one connection let every role in and ask {@link ConnectionAccess}
 * for the roles that may act only once the connection is found, so another organisation's connection is a 404
 * whatever the action.
 */
@Path("/connections")
public class ConnectionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Connection> connections);

        static native TemplateInstance create(ConnectionFields form, FormErrors errors, List<Partition> partitions);

        static native TemplateInstance show(SetupPage setup);

        static native TemplateInstance edit(Connection connection, ConnectionFields form, FormErrors errors);
    }

    static final int MAX_REASON = 500;

    /** The rotation form's confirmation box, apart from the revocation form's {@code confirm}. */
    static final String ROTATION_CONFIRM = "rotationConfirm";

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

        /** The edit form's fields as the connection stores them now, one bucket or key per line. */
        static ConnectionFields of(Connection connection) {
            ConnectionFields fields = new ConnectionFields();
            fields.label = connection.label;
            fields.buckets = String.join("\n", connection.buckets.stream().map(GrantedBucket::display).toList());
            fields.kmsKeyArns = String.join("\n", connection.kmsKeyArns);
            return fields;
        }

        /** Values shown back in the form: never much more than the field takes, so a 100 KB paste is not echoed. */
        public String value(String field) {
            String value = switch (field) {
                case "label" -> label;
                case "accountId" -> accountId;
                case "partition" -> partition;
                case "region" -> region;
                case "buckets" -> buckets;
                default -> kmsKeyArns;
            };
            int max = switch (field) {
                case "buckets" -> ConnectionValidator.MAX_BUCKETS_TEXT;
                case "kmsKeyArns" -> ConnectionValidator.MAX_KMS_KEYS_TEXT;
                default -> ConnectionValidator.MAX_LABEL_LENGTH;
            };
            return value == null ? "" : Forms.shown(value, max);
        }
    }

    private final ConnectionAccess access;
    private final ConnectionService service;
    private final SetupPages setupPages;
    private final Lifecycle lifecycle;
    private final Redirect redirect;
    private final RefusedInput refused;

    ConnectionResource(ConnectionAccess access, ConnectionService service, SetupPages setupPages, Lifecycle lifecycle,
            Redirect redirect, RefusedInput refused) {
        this.access = access;
        this.service = service;
        this.setupPages = setupPages;
        this.lifecycle = lifecycle;
        this.redirect = redirect;
        this.refused = refused;
    }

    @GET
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance list() {
        return Templates.list(Connection.listForOrganisation(access.organisationId()));
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
    @HandlesRefusedInput
    public Response create(@BeanParam ConnectionFields fields) {
        List<Partition> offered = setupPages.offeredPartitions();
        ConnectionValidation validation = ConnectionValidator.validate(fields.toForm(), Set.copyOf(offered));
        FormErrors errors = refused.errors().and(validation instanceof ConnectionValidation.Invalid invalid
                ? errors(invalid.errors()) : FormErrors.NONE);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.create(fields, errors, offered))
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
        ReadOnlySession.enable();
        return Templates.show(setupPages.of(access.find(id), access.role(), "", FormErrors.NONE));
    }

    @POST
    @Path("{id}/role")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @HandlesRefusedInput
    public Response submitRole(@PathParam("id") String id, @FormParam("roleArn") String roleArn) {
        Connection connection = access.find(id, Role.CUSTOMER);
        if (connection.isRevoked()) {
            return redirect.to("/connections/" + connection.id, Flash.error("flash_connection_revoked"));
        }
        Parsed<RoleArn> parsed = RoleArn.parse(roleArn, new AccountId(connection.accountId),
                Partition.fromId(connection.partition).orElseThrow());
        FormErrors errors = refused.errors().and(parsed instanceof Parsed.Invalid<RoleArn> invalid
                ? errors(Map.of("roleArn", List.of(invalid.error()))) : FormErrors.NONE);
        if (!errors.isEmpty()) {
            String shown = roleArn == null ? "" : roleArn.substring(0, Math.min(roleArn.length(), RoleArn.MAX_LENGTH));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(setupPages.of(connection, access.role(), shown, errors)))
                    .build();
        }
        service.submitRole(connection.id, parsed.orThrow(), access.user());
        return redirect.to("/connections/" + connection.id + "#check", Flash.success("flash_role_submitted"));
    }

    /** PRODUCT §13: the label and resources of a connection, ready to change; a revoked one says it takes no change. */
    @GET
    @Path("{id}/edit")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance edit(@PathParam("id") String id) {
        Connection connection = access.find(id);
        return Templates.edit(connection, ConnectionFields.of(connection), FormErrors.NONE);
    }

    /**
     * PRODUCT §13: replaces the label, buckets and KMS keys after the creation form's own rules; only those three
     * fields are read, so no posted field can change the account, partition, region or external ID.
     */
    @POST
    @Path("{id}/resources")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @HandlesRefusedInput
    public Response editResources(@PathParam("id") String id, @BeanParam ConnectionFields fields) {
        Connection connection = access.find(id);
        String setupPage = "/connections/" + connection.id;
        if (connection.isRevoked()) {
            return redirect.to(setupPage, Flash.error("flash_connection_revoked"));
        }
        ConnectionValidation validation = ConnectionValidator.validate(
                ConnectionForm.editing(connection, fields.label, fields.buckets, fields.kmsKeyArns));
        FormErrors errors = refused.errors().and(validation instanceof ConnectionValidation.Invalid invalid
                ? errors(invalid.errors()) : FormErrors.NONE);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.edit(connection, fields, errors))
                    .build();
        }
        ResourceEdit edit = service.editResources(connection.id, ((ConnectionValidation.Valid) validation).request(),
                access.user());
        if (edit instanceof ResourceEdit.Changed changed) {
            return changed.grantsChanged()
                    ? redirect.to(setupPage + "#resources-changed", Flash.success("flash_connection_edited"))
                    : redirect.to(setupPage, Flash.success("flash_connection_label_saved"));
        }
        if (edit instanceof ResourceEdit.Unchanged) {
            return redirect.to(setupPage, Flash.success("flash_connection_unchanged"));
        }
        return redirect.to(setupPage, Flash.error("flash_connection_revoked"));
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @HandlesRefusedInput
    public Response revoke(@PathParam("id") String id, @FormParam("reason") String reason,
            @FormParam("confirm") String confirm) {
        Connection connection = access.find(id, Role.ADMIN);
        String trimmed = Forms.strip(reason);
        Map<String, List<FieldError>> problems = new LinkedHashMap<>();
        if (trimmed.isEmpty()) {
            problems.put("reason", List.of(FieldError.of("revoke.reason.required")));
        } else if (trimmed.length() > MAX_REASON) {
            problems.put("reason", List.of(FieldError.of("revoke.reason.invalid", MAX_REASON)));
        }
        if (!"yes".equals(confirm)) {
            problems.put("confirm", List.of(FieldError.of("revoke.confirm.required")));
        }
        FormErrors errors = refused.errors().and(errors(problems));
        if (!errors.isEmpty()) {
            SetupPage page = setupPages.of(connection, access.role(), "", errors);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(page.withRevokeReason(trimmed.length() > MAX_REASON ? "" : trimmed)))
                    .build();
        }
        boolean revoked = lifecycle.revoke(connection.id, trimmed, access.user());
        return redirect.to("/connections/" + connection.id,
                revoked ? Flash.success("flash_connection_revoked_now") : Flash.error("flash_connection_revoked"));
    }

    /** PRODUCT §7: a rotation starts only with its box ticked ({@code confirm=yes}); without it nothing changes. */
    @POST
    @Path("{id}/rotation")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response rotate(@PathParam("id") String id, @FormParam("confirm") String confirm) {
        Connection connection = access.find(id, Role.CUSTOMER, Role.ADMIN);
        if (connection.isRevoked()) {
            return redirect.to("/connections/" + connection.id, Flash.error("flash_connection_revoked"));
        }
        if (!"yes".equals(confirm)) {
            FormErrors errors = errors(Map.of(ROTATION_CONFIRM, List.of(FieldError.of("rotation.confirm.required"))));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.show(setupPages.of(connection, access.role(), "", errors)))
                    .build();
        }
        boolean rotated = lifecycle.rotate(connection.id, access.user()).isPresent();
        return redirect.to("/connections/" + connection.id,
                rotated ? Flash.success("flash_rotation_started") : Flash.error("flash_connection_revoked"));
    }

    /** PRODUCT §7: cancels a rotation in progress; the previous external ID is the only one again. */
    @POST
    @Path("{id}/rotation/cancel")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response cancelRotation(@PathParam("id") String id) {
        Connection connection = access.find(id);
        ConnectionRepository.Cancellation cancellation = lifecycle.cancelRotation(connection.id, access.user());
        Flash flash = cancellation instanceof ConnectionRepository.Cancellation.Cancelled
                ? Flash.success("flash_rotation_cancelled")
                : cancellation instanceof ConnectionRepository.Cancellation.Revoked
                        ? Flash.error("flash_connection_revoked")
                        : Flash.error("flash_rotation_nothing_to_cancel");
        return redirect.to("/connections/" + connection.id, flash);
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

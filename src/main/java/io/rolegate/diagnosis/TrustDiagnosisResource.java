package io.rolegate.diagnosis;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionAccess;
import io.rolegate.connection.FieldError;
import io.rolegate.connection.IssuedExternalId;
import io.rolegate.connection.Parsed;
import io.rolegate.policy.Artifacts;
import io.rolegate.setup.SetupPages;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;

/**
 * PRODUCT §5b: the customer (or staff) pastes the role's trust policy and Rolegate says why AWS denies its
 * AssumeRole, with the corrected document. Nothing changes, so the answer is the page itself (200), not a redirect;
 * the pasted document is neither stored nor logged, and only the codes found go to the audit trail
 * (docs/trust-diagnosis.md).
 */
@Path("/connections/{id}/trust-diagnosis")
public class TrustDiagnosisResource {

    static final String FIELD = "trustPolicy";
    static final AuditAction AUDIT_ACTION = AuditAction.CONNECTION_TRUST_DIAGNOSED;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance diagnosis(Connection connection, String input, FormErrors errors,
                PastedPolicy.Form form, Diagnosis diagnosis, String expectedDocument, boolean unavailable);
    }

    private final ConnectionAccess access;
    private final SetupPages setupPages;
    private final AuditTrail audit;
    private final RefusedInput refused;
    private final Redirect redirect;

    TrustDiagnosisResource(ConnectionAccess access, SetupPages setupPages, AuditTrail audit, RefusedInput refused,
            Redirect redirect) {
        this.access = access;
        this.setupPages = setupPages;
        this.audit = audit;
        this.refused = refused;
        this.redirect = redirect;
    }

    @POST
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @HandlesRefusedInput
    public Response diagnose(@PathParam("id") String id, @FormParam(FIELD) String trustPolicy) {
        Connection connection = access.find(id);
        if (connection.isRevoked()) {
            return redirect.to("/connections/" + connection.id, Flash.error("flash_connection_revoked"));
        }
        String input = trustPolicy == null ? "" : Forms.shown(trustPolicy, PastedPolicy.MAX_LENGTH);
        FormErrors errors = refused.errors();
        Parsed<PastedPolicy> pasted = errors.isEmpty() ? PastedPolicy.read(trustPolicy) : null;
        if (pasted instanceof Parsed.Invalid<PastedPolicy> invalid) {
            FieldError error = invalid.error();
            errors = errors.add(FIELD, "error_" + error.key().replace('.', '_'), error.args().toArray());
        }
        if (!errors.isEmpty()) {
            return page(Response.Status.BAD_REQUEST,
                    Templates.diagnosis(connection, input, errors, null, null, null, false));
        }
        Parsed<Artifacts> artifacts = setupPages.artifacts(connection);
        if (!(artifacts instanceof Parsed.Valid<Artifacts> rendered)) {
            return page(Response.Status.OK, Templates.diagnosis(connection, input, FormErrors.NONE, null, null, null, true));
        }
        String expectedDocument = rendered.value().trustPolicy().content();
        PastedPolicy policy = ((Parsed.Valid<PastedPolicy>) pasted).value();
        Diagnosis diagnosis = TrustPolicyDiagnosis.diagnose(policy.policy(), expectation(connection, expectedDocument));
        Account user = access.user();
        audit.record(new AuditTrail.Actor(user.id, user.email), AUDIT_ACTION, connection.organisation.id, connection.id,
                null, diagnosis.codes());
        return page(Response.Status.OK,
                Templates.diagnosis(connection, input, FormErrors.NONE, policy.form(), diagnosis, expectedDocument, false));
    }

    /** The page holds what was pasted: no cache keeps it. */
    private static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    /**
     * What the role must trust: the principal of the trust policy Rolegate renders for the connection (so the two
     * never disagree), and the connection's external IDs in their states.
     */
    static TrustExpectation expectation(Connection connection, String expectedDocument) {
        String principal = IamPolicy.fromJson(expectedDocument).statements().get(0).principals().get(0).id();
        List<IssuedExternalId> live = connection.liveExternalIds();
        Optional<String> previous = live.stream().filter(issued -> issued.state == IssuedExternalId.State.PREVIOUS)
                .map(issued -> issued.value).findFirst();
        List<String> retired = IssuedExternalId.<IssuedExternalId>list("connection = ?1 and state = ?2", connection,
                IssuedExternalId.State.RETIRED).stream().map(issued -> issued.value).toList();
        return new TrustExpectation(principal, connection.partition, connection.currentExternalId().value, previous,
                retired);
    }
}

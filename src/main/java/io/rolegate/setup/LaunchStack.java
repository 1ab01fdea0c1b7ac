package io.rolegate.setup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.rolegate.account.Role;
import io.rolegate.connection.Connection;
import io.rolegate.connection.ConnectionAccess;
import io.rolegate.verification.Check;

/**
 * The setup page's Launch Stack block (PRODUCT §12, {@code templates/tags/launchStack.html}): whether the button is
 * configured, why the template is not published (for staff), and the state the "waiting for your stack" notice polls
 * until the stack's registration arrives.
 */
@Named("launchStack")
@ApplicationScoped
@Path("/connections")
public class LaunchStack {

    /**
     * What the waiting page polls: the role ARN once known (null before), the status, and the page of the latest check
     * (null before any).
     */
    public record Registration(String roleArn, String status, String checkUrl) {
    }

    private final TemplatePublisher publisher;
    private final ConnectionAccess access;

    LaunchStack(TemplatePublisher publisher, ConnectionAccess access) {
        this.publisher = publisher;
        this.access = access;
    }

    /** Whether templates are published, so a Launch Stack button is offered once the template is up. */
    public boolean offered() {
        return publisher.isConfigured();
    }

    /** Why the connection's template is not published, for staff; null when it is (or was never tried). */
    public TemplatePublisher.Failure failure(UUID connectionId) {
        return publisher.failure(connectionId).orElse(null);
    }

    /** The connection's registration state, for the setup page's "waiting for your stack" notice. */
    @GET
    @Path("{id}/registration")
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.SUPPORT_ROLE, Role.ADMIN_ROLE })
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Registration registration(@PathParam("id") String id) {
        Connection connection = access.find(id);
        List<Check> latest = Check.history(connection.id, 1);
        Optional<String> checkUrl = latest.stream().findFirst()
                .map(check -> "/connections/" + connection.id + "/checks/" + check.id);
        return new Registration(connection.roleArn, connection.status.name(), checkUrl.orElse(null));
    }
}

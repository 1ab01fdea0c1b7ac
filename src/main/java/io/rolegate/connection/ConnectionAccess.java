package io.rolegate.connection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.web.Page;

/**
 * Finds the connection a request names, if the signed-in person may see it: staff see all,
 * customers only their organisation's. Anything else — including a malformed id — is a 404,
 * so another organisation's connections cannot even be confirmed to exist. Which roles may act on a
 * connection is asked only after it was found ({@link #find(String, Role...)}): another organisation's
 * connection is a 404 whatever the action, never a 403.
 */
@RequestScoped
public class ConnectionAccess {

    private final Page page;

    ConnectionAccess(Page page) {
        this.page = page;
    }

    public Connection find(String id) {
        return find(parse(id).orElseThrow(NotFoundException::new));
    }

    /** The connection as {@link #find(String)} finds it, if the user's role may act on it; a 403 otherwise. */
    public Connection find(String id, Role... roles) {
        Connection connection = find(id);
        if (!List.of(roles).contains(page.role())) {
            throw new ForbiddenException();
        }
        return connection;
    }

    /**
     * The connection, with its buckets and KMS keys, for staff any, for a customer one of their organisation (from
     * the session, no account is loaded); a 404 otherwise.
     */
    public Connection find(UUID uuid) {
        Optional<Connection> connection = page.role().isStaff()
                ? Connection.findWithResources(uuid)
                : Connection.findOwned(uuid, page.organisationId());
        return connection.orElseThrow(NotFoundException::new);
    }

    /**
     * Whether the signed-in person may change the connection's label and resources (PRODUCT §13): the owning customer
     * (any connection found here is theirs) or an admin, while the connection is not revoked.
     */
    public boolean mayEdit(Connection connection) {
        Role role = page.role();
        return (role == Role.CUSTOMER || role == Role.ADMIN) && !connection.isRevoked();
    }

    /** The signed-in customer's organisation, from the session; null for staff. */
    public UUID organisationId() {
        return page.organisationId();
    }

    /** The signed-in person's role, from the session. */
    public Role role() {
        return page.role();
    }

    /** The signed-in account, loaded from the database: for actions that record who acted. */
    public Account user() {
        return page.getUser();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

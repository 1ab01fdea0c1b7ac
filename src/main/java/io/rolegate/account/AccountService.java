package io.rolegate.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.rolegate.audit.AuditTrail;

/** Changes to existing accounts made by administrators. */
@ApplicationScoped
public class AccountService {

    private final AuditTrail audit;

    AccountService(AuditTrail audit) {
        this.audit = audit;
    }

    /** Deactivates the account; its open session stops working on its next request. Returns its email. */
    @Transactional
    public String deactivate(AuditTrail.Actor actor, UUID id) {
        Account account = Account.<Account>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (account.active) {
            account.active = false;
            audit.record(actor, "user.deactivated", account.organisationId(), null, account.email, null);
        }
        return account.email;
    }
}

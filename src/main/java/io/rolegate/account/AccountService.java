package io.rolegate.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import io.rolegate.web.Language;

/** Changes to existing accounts made by administrators. */
@ApplicationScoped
public class AccountService {

    private final AuditTrail audit;
    private final Sessions sessions;

    AccountService(AuditTrail audit, Sessions sessions) {
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * Deactivates the account and ends all its sessions, on every instance, with the same commit: they stay ended
     * even if the account is made active again. Returns its email.
     */
    @Transactional
    public String deactivate(AuditTrail.Actor actor, UUID id) {
        Account account = Account.<Account>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (account.active) {
            account.active = false;
            audit.record(actor, AuditAction.USER_DEACTIVATED, account.organisationId(), null, account.email);
        }
        sessions.endAll(account.id);
        return account.email;
    }

    /** Remembers the language a person signed in with: e-mail to them is written in it (docs/notifications.md). */
    @Transactional
    public void rememberLanguage(UUID id, Language language) {
        Account.update("language = ?1 where id = ?2 and language <> ?1", language, id);
    }
}

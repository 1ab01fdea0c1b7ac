package io.rolegate.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.rolegate.audit.AuditAction;
import io.rolegate.audit.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure an administrator exists. With {@code rolegate.admin.password} set it is created with
 * that password; otherwise a password is generated and printed once, on the start that created it.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final String email;
    private final Optional<String> password;
    private final AuditTrail audit;
    private final Clock clock;

    AdminBootstrap(@ConfigProperty(name = "rolegate.admin.email", defaultValue = "admin@rolegate.local") String email,
            @ConfigProperty(name = "rolegate.admin.password") Optional<String> password,
            AuditTrail audit, Clock clock) {
        this.email = email;
        this.password = password.filter(value -> !value.isBlank());
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (Account.activeAdminExists() || Account.findByEmail(email).isPresent()) {
            return;
        }
        String chosen = password.orElseGet(AdminBootstrap::generatePassword);
        Account admin = new Account();
        admin.id = UUID.randomUUID();
        admin.email = email;
        admin.displayName = "Administrator";
        admin.passwordHash = BcryptUtil.bcryptHash(chosen);
        admin.role = Role.ADMIN;
        admin.active = true;
        admin.createdAt = clock.instant();
        admin.persist();
        audit.record(AuditTrail.Actor.system(), AuditAction.USER_BOOTSTRAP_ADMIN, null, null, email);
        if (password.isEmpty()) {
            LOG.warnf("Created the first administrator %s with the generated password: %s "
                    + "(shown only this once; set rolegate.admin.password to choose it)", email, chosen);
        } else {
            LOG.infof("Created the first administrator %s with the configured password", email);
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

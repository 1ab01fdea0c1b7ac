package io.rolegate.support;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rolegate.account.Account;
import io.rolegate.account.Role;
import io.rolegate.organisation.Organisation;

/** Creates organisations and accounts straight in the database, so tests start from a known state. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    private Accounts() {
    }

    public static Organisation organisation(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.create(name + " " + unique(), Instant.now()));
    }

    public static Account customer(Organisation organisation) {
        return create(Role.CUSTOMER, organisation);
    }

    public static Account support() {
        return create(Role.SUPPORT, null);
    }

    public static Account admin() {
        return create(Role.ADMIN, null);
    }

    private static Account create(Role role, Organisation organisation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = new Account();
            account.id = UUID.randomUUID();
            account.email = role.id() + "-" + unique() + "@example.com";
            account.displayName = role.id() + " " + unique();
            account.passwordHash = BcryptUtil.bcryptHash(PASSWORD, 4);
            account.role = role;
            account.organisation = organisation == null ? null : Organisation.findById(organisation.id);
            account.active = true;
            account.createdAt = Instant.now();
            account.persist();
            return account;
        });
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

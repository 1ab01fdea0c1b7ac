package io.rolegate.verification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateExtension;
import io.rolegate.account.Account;

/** View properties of checks for templates. */
@TemplateExtension
public class CheckExtensions {

    /**
     * The role ({@code admin}, {@code support}) of the member of staff who started the check from a page, by which
     * customers see them (PRODUCT §6); empty when a customer started it, or nobody did.
     */
    static String starterStaffRole(Check check) {
        if (check.trigger != CheckTrigger.USER || check.triggeredBy == null) {
            return "";
        }
        return QuarkusTransaction.joiningExisting().call(() -> Account.<Account>findByIdOptional(check.triggeredBy))
                .filter(account -> account.role.isStaff()).map(account -> account.role.id()).orElse("");
    }
}

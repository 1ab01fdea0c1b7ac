package io.rolegate.account;

import io.quarkus.qute.TemplateExtension;

/** Lets templates name a role in the visitor's language: {@code account:message(role.messageKey)}. */
@TemplateExtension
public class RoleExtensions {

    static String messageKey(Role role) {
        return "role_" + role.id();
    }
}

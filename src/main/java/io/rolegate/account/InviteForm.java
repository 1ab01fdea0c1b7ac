package io.rolegate.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rolegate.web.Forms;

/** An administrator's invitation: who, as what, and for customers, into which organisation. */
public record InviteForm(
        @NotBlank(message = "email_required") @Size(max = MAX_EMAIL, message = "email_too_long")
        @Email(message = "email_invalid") String email,
        @Pattern(regexp = "customer|support|admin", message = "role_invalid") String role,
        String organisationId) {

    static final int MAX_EMAIL = 254;

    public InviteForm {
        email = Forms.identifier(email);
        role = Forms.strip(role);
        organisationId = Forms.strip(organisationId);
    }

    public static InviteForm empty() {
        return new InviteForm("", Role.CUSTOMER.id(), "");
    }

    /** The form as shown again after an error; the role and organisation are choices from lists. */
    public InviteForm shown() {
        return new InviteForm(Forms.shown(email, MAX_EMAIL), role, organisationId);
    }

    public Role parsedRole() {
        return Role.parse(role).orElseThrow();
    }
}

package io.rolegate.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rolegate.web.Forms;

/** An administrator's invitation: who, as what, and for customers, into which organisation. */
public record InviteForm(
        @NotBlank(message = "email_required") @Size(max = 254, message = "email_too_long")
        @Email(message = "email_invalid") String email,
        @Pattern(regexp = "customer|support|admin", message = "role_invalid") String role,
        String organisationId) {

    public InviteForm {
        email = Forms.identifier(email);
        role = Forms.strip(role);
        organisationId = Forms.strip(organisationId);
    }

    public static InviteForm empty() {
        return new InviteForm("", Role.CUSTOMER.id(), "");
    }

    public Role parsedRole() {
        return Role.parse(role).orElseThrow();
    }
}

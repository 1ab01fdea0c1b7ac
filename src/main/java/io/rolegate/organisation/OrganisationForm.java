package io.rolegate.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rolegate.web.Forms;

/** A new customer organisation and the email of its first customer. */
public record OrganisationForm(
        @NotBlank(message = "name_required") @Size(max = 100, message = "name_too_long")
        @Pattern(regexp = Forms.PRINTABLE, message = "name_control") String name,
        @NotBlank(message = "email_required") @Size(max = 254, message = "email_too_long")
        @Email(message = "email_invalid") String email) {

    public OrganisationForm {
        name = Forms.strip(name);
        email = Forms.identifier(email);
    }

    public static OrganisationForm empty() {
        return new OrganisationForm("", "");
    }
}

package io.rolegate.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rolegate.web.Forms;

/** A new customer organisation and the email of its first customer. */
public record OrganisationForm(
        @NotBlank(message = "name_required") @Size(max = MAX_NAME, message = "name_too_long")
        @Pattern(regexp = Forms.PRINTABLE, message = "name_control") String name,
        @NotBlank(message = "email_required") @Size(max = MAX_EMAIL, message = "email_too_long")
        @Email(message = "email_invalid") String email) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;

    public OrganisationForm {
        name = Forms.strip(name);
        email = Forms.identifier(email);
    }

    public static OrganisationForm empty() {
        return new OrganisationForm("", "");
    }

    /** The form as shown again after an error. */
    public OrganisationForm shown() {
        return new OrganisationForm(Forms.shown(name, MAX_NAME), Forms.shown(email, MAX_EMAIL));
    }
}

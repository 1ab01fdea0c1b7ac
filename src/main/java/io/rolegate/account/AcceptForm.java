package io.rolegate.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rolegate.web.Forms;

/** What a new user chooses when accepting an invite. Passwords are taken as typed, never trimmed. */
public record AcceptForm(
        @NotBlank(message = "name_required") @Size(max = MAX_NAME, message = "name_too_long")
        @Pattern(regexp = Forms.PRINTABLE, message = "name_control") String displayName,
        @Size(min = 12, max = 128, message = "password_length") String password,
        String confirmation) {

    static final int MAX_NAME = 100;

    public AcceptForm {
        displayName = Forms.strip(displayName);
        password = password == null ? "" : password;
        confirmation = confirmation == null ? "" : confirmation;
    }

    /** Only the name goes back into a re-rendered form; passwords are never echoed. */
    public static AcceptForm empty() {
        return new AcceptForm("", "", "");
    }
}

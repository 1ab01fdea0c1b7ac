package io.rolegate.connection;

import java.util.List;
import java.util.Map;

/** What {@link ConnectionValidator} concluded about a form. */
public sealed interface ConnectionValidation {

    record Valid(ConnectionRequest request) implements ConnectionValidation {
    }

    /** Errors by form field name, in the form's field order; each field has at least one error. */
    record Invalid(Map<String, List<FieldError>> errors) implements ConnectionValidation {
    }
}

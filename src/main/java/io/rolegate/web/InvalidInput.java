package io.rolegate.web;

/**
 * Thrown by a service when the database shows the input cannot be accepted (a name already taken):
 * the transaction rolls back and the resource re-renders the form with these errors.
 */
public class InvalidInput extends RuntimeException {

    private final transient FormErrors errors;

    public InvalidInput(FormErrors errors) {
        super(errors.toString(), null, false, false);
        this.errors = errors;
    }

    public FormErrors errors() {
        return errors;
    }
}

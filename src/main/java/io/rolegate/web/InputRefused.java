package io.rolegate.web;

/**
 * Ends a request whose input {@link InputEdge} refused and whose resource method does not answer that itself:
 * pages show the 400 error page, the API answers 400 JSON naming the parameter.
 */
public class InputRefused extends RuntimeException {

    private final String parameter;
    private final TextInput.Problem problem;

    /** The parameter's name (a JSON member as its path, such as {@code name}) and why it was refused. */
    public InputRefused(String parameter, TextInput.Problem problem) {
        super(problem.name(), null, false, false);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** The query parameter, form field or JSON member (as a path such as {@code name}) that was refused. */
    public String parameter() {
        return parameter;
    }

    /** A control character, or a parameter sent more than once. */
    public TextInput.Problem problem() {
        return problem;
    }
}

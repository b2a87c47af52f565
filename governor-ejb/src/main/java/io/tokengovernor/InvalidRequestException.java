package io.tokengovernor;

import java.util.List;

/** A request that is well-formed but breaks a rule the server checks beyond Bean Validation. */
public class InvalidRequestException extends GovernorException {

    private final List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    /** Several problems at once, so that a client can fix them all in one go. */
    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String problemType() {
        return "validation";
    }

    @Override
    public int status() {
        return 400;
    }

    /** One offending field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}

package io.tokengovernor.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on requests become a 400 naming every offending field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        List<Problem.FieldProblem> errors = failure.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldProblem(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing((Problem.FieldProblem error) -> error.field)
                        .thenComparing(error -> error.message))
                .toList();
        String detail = errors.stream().map(error -> error.field + " " + error.message)
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        return Problem.response("validation", "Validation failed", 400, detail, errors);
    }

    /** The last named node of the path: the JSON field or query parameter, not the Java method. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field == null ? "body" : field;
    }
}

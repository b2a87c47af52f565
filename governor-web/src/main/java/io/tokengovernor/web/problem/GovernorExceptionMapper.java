package io.tokengovernor.web.problem;

import io.tokengovernor.GovernorException;
import io.tokengovernor.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Business failures become problem+json with their own stable type. */
@Provider
public class GovernorExceptionMapper implements ExceptionMapper<GovernorException> {

    @Override
    public Response toResponse(GovernorException failure) {
        List<Problem.FieldProblem> errors = null;
        if (failure instanceof InvalidRequestException invalid) {
            errors = invalid.errors().stream()
                    .map(error -> new Problem.FieldProblem(error.field(), error.message()))
                    .toList();
        }
        Response response = Problem.response(failure.problemType(), failure.title(), failure.status(),
                failure.getMessage(), errors);
        if (failure.status() == 401) {
            response.getHeaders().add("WWW-Authenticate", "Bearer realm=\"token-governor\"");
        }
        return response;
    }
}

package io.tokengovernor.web.problem;

import io.tokengovernor.core.json.MalformedJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body {@link JsonBodyReader} refused is a 400 that names the field, when there is one, and says why. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<MalformedJson> {

    @Override
    public Response toResponse(MalformedJson refused) {
        List<Problem.FieldProblem> errors = refused.field()
                .map(field -> List.of(new Problem.FieldProblem(field, refused.reason())))
                .orElse(null);
        return Problem.response("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON of the expected shape: " + refused.getMessage(), errors);
    }
}

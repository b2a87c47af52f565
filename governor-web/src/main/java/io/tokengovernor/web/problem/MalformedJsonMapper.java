package io.tokengovernor.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON-B failure is a 400 that says where. Request bodies are read by {@link JsonBodyReader}
 * ({@link MalformedBodyMapper}); this covers whatever the server's JSON-B provider still binds.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof jakarta.ws.rs.WebApplicationException refused) {
                return new WebApplicationExceptionMapper().toResponse(refused);
            }
        }
        return Problem.response("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON of the expected shape: " + rootMessage(failure), null);
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        String message = failure.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}

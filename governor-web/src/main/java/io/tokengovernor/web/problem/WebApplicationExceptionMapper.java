package io.tokengovernor.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * The runtime's own refusals (unknown path, wrong method, unsupported media type, unreadable body,
 * body too large) in the same problem+json shape as everything else.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Throwable cause = failure.getCause();
        while (cause != null && failure.getResponse().getStatus() == 400) {
            if (cause instanceof JsonbException || cause instanceof ProcessingException
                    || cause instanceof jakarta.json.JsonException) {
                return Problem.response("malformed-json", "Malformed JSON", 400,
                        "The request body is not valid JSON of the expected shape: "
                                + MalformedJsonMapper.rootMessage(cause), null);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        int status = failure.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        String type = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail = failure.getMessage() == null ? title : failure.getMessage();
        return Problem.response(type, title, status, detail, null);
    }
}

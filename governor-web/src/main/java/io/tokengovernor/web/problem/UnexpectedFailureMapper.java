package io.tokengovernor.web.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: a 500 whose detail carries an incident id that is also in the server
 * log with the stack trace, so the two can be matched without exposing internals to the client.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = failure instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : failure;
        if (cause instanceof jakarta.persistence.OptimisticLockException
                || cause instanceof jakarta.persistence.EntityExistsException) {
            return Problem.response("concurrent-change", "Concurrent change", 409,
                    "Another request changed the same data at the same time; retry the request.", null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.response("internal", "Internal error", 500,
                "The server failed unexpectedly (incident " + incident + "); the server log has the details.", null);
    }
}

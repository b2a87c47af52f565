package io.tokengovernor.web.problem;

import io.tokengovernor.notify.boundary.ErrorLog;
import io.tokengovernor.notify.entity.ErrorEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every refused request (a 4xx problem) in the error log, except reads of something that
 * does not exist, which are ordinary.
 */
@Provider
@ApplicationScoped
public class RejectedInputLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RejectedInputLog.class.getName());

    @Inject
    ErrorLog errors;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        if (status == 404 && "GET".equals(request.getMethod())) {
            return;
        }
        try {
            String path = request.getUriInfo().getPath();
            errors.record(ErrorEntry.Kind.REJECTED_INPUT, request.getMethod() + " /api"
                    + (path.startsWith("/") ? path : "/" + path), status + " " + problem.detail, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record a rejected request in the error log", e);
        }
    }
}

package io.tokengovernor.web.security;

import io.tokengovernor.security.ApiKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Every request that changes data must carry {@code Authorization: Bearer <key>}: the admin key or
 * a project's key. Reads stay open (see README). Which project a key may touch is checked by each
 * resource once it knows the project.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        // reads are open, except checkpoint payloads: they are an agent's work
        if (READS.contains(request.getMethod()) && !request.getUriInfo().getPath().endsWith("/payload")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        current.identified(keys.identify(key));
    }
}

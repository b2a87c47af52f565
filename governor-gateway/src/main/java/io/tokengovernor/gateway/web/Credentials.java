package io.tokengovernor.gateway.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The keys a call carries. The project key comes in {@code x-token-gov-key} (e.g. through Claude Code's
 * {@code ANTHROPIC_CUSTOM_HEADERS}), and then the client's own {@code x-api-key} / {@code Authorization} are its
 * upstream credentials, passed through; or it comes where the API expects a key ({@code x-api-key} or
 * {@code Authorization: Bearer}), and the upstream key is the one the governor holds for the project, or the one in
 * {@code x-token-gov-upstream-key}.
 */
record Credentials(String projectKey, boolean clientKeyPassesThrough, String upstreamKey) {

    static final String PROJECT_KEY = "x-token-gov-key";
    static final String UPSTREAM_KEY = "x-token-gov-upstream-key";
    private static final String BEARER = "Bearer ";

    static Credentials of(HttpServletRequest request) {
        String explicit = request.getHeader(PROJECT_KEY);
        String upstream = blankToNull(request.getHeader(UPSTREAM_KEY));
        if (explicit != null && !explicit.isBlank()) {
            return new Credentials(explicit.strip(), upstream == null, upstream);
        }
        String apiKey = blankToNull(request.getHeader("x-api-key"));
        if (apiKey != null) {
            return new Credentials(apiKey, false, upstream);
        }
        String authorization = request.getHeader("authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? blankToNull(authorization.substring(BEARER.length())) : null;
        return new Credentials(bearer, false, upstream);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

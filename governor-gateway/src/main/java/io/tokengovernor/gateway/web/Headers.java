package io.tokengovernor.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Upstream: everything the client sent (every {@code anthropic-*} header
 * unchanged, Claude Code's {@code x-claude-code-*}, the SDK's own) except the hop-by-hop ones, the governor's
 * {@code x-token-gov-*}, the client's key unless it passes through, and {@code accept-encoding}: the answer must
 * come uncompressed, since the gateway reads its usage as it passes. Back: everything but the hop-by-hop ones.
 */
final class Headers {

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "accept-encoding", "http2-settings");
    private static final Set<String> CLIENT_KEYS = Set.of("x-api-key", "authorization");

    private Headers() {
    }

    static HttpRequest forwarded(jakarta.servlet.http.HttpServletRequest request, ModelApi api, URI target,
            byte[] body, boolean clientKeyPassesThrough, String upstreamKey, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if ("http".equalsIgnoreCase(target.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade attempt on plain HTTP
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith("x-token-gov-")
                    || (CLIENT_KEYS.contains(lower) && !clientKeyPassesThrough)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                builder.header(name, value);
            }
        }
        if (!clientKeyPassesThrough && upstreamKey != null) {
            builder.header(api.keyHeader, api.upstreamKeyHeader(upstreamKey));
        }
        return builder.build();
    }

    static void copyBack(HttpHeaders upstream, HttpServletResponse response) {
        upstream.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith(":")) {
                return;
            }
            for (String value : values) {
                response.addHeader(name, value);
            }
        });
    }
}

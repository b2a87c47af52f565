package io.tokengovernor.cli.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The TokenGovernor REST API as the CLI sees it: JSON in, JSON out, failures as {@link ServerCallFailed}. */
public final class GovernorServer {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    private final Optional<String> apiKey;
    private final String userAgent;
    private final ObjectMapper mapper = new ObjectMapper();
    // HTTP/1.1 because an h2c upgrade attempt only costs a round trip on a plain-HTTP local server
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    public GovernorServer(ServerAddress address, Optional<String> apiKey, String version) {
        this.address = address;
        this.apiKey = apiKey;
        this.userAgent = "token-gov/" + version.replace(' ', '-');
    }

    /** The server's base URL, as the API's paths are appended to it. */
    public String base() {
        return address.toString();
    }

    public ServerAnswer get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    /** Posts the body serialized by Jackson; records annotated with NON_NULL leave unset options out. */
    public ServerAnswer post(String path, Object body) {
        try {
            String json = mapper.writeValueAsString(body);
            return send("POST", path, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    /** Patches with the body serialized by Jackson (only the fields present change). */
    public ServerAnswer patch(String path, Object body) {
        try {
            String json = mapper.writeValueAsString(body);
            return send("PATCH", path, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    /** Puts the body serialized by Jackson. */
    public ServerAnswer put(String path, Object body) {
        try {
            String json = mapper.writeValueAsString(body);
            return send("PUT", path, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    public ServerAnswer delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    /** Encodes an id for use as one path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ServerAnswer send(String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.uri(path))
                .timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent)
                .method(method, body);
        if ("POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response = exchange(request.build());
        String described = method + " " + path;
        if (response.statusCode() / 100 != 2) {
            throw ServerProblem.of(response.statusCode(), response.body(), described, mapper);
        }
        return new ServerAnswer(response.statusCode(), response.body(), parse(response, described));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServerUnreachable(address, ServerUnreachable.reasonFor(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable(address, "interrupted");
        }
    }

    private JsonNode parse(HttpResponse<String> response, String described) {
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json == null || json.isMissingNode()) {
                throw new UnexpectedAnswer(described, response.statusCode());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UnexpectedAnswer(described, response.statusCode());
        }
    }
}

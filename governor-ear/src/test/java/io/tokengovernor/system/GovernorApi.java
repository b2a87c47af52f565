package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small HTTP client of the running server for the black-box system tests. */
final class GovernorApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = System.getProperty("governor.url", "http://localhost:9080");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GovernorApi() {
    }

    static Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    /** A POST with the admin key. */
    static Answer post(String path, String body) {
        return post(path, body, adminKey());
    }

    /** A POST with the given API key (none when null). */
    static Answer post(String path, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    static Answer patch(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminKey())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The admin key the server generated on its first start (TOKEN_GOV_ADMIN_KEY is not set for the
     * tests, so no key is written in the build).
     */
    static String adminKey() {
        String configured = System.getenv("TOKEN_GOV_ADMIN_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("governor.wlp", "target/liberty/wlp"),
                "usr/servers", System.getProperty("governor.server", "governor"), "admin.key");
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the server's admin key file is missing: " + file, e);
        }
    }

    static Answer send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(60));
    }

    static Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Registers a project with the given id and budget and returns its id. */
    static String registerProject(String id, String name, long budget) {
        Answer answer = post("/api/projects/register", """
                {"id":"%s","name":"%s","owner":"octocat","tier":1,"tokenBudget":%d}""".formatted(id, name, budget));
        if (answer.status() != 201) {
            throw new AssertionError("project registration failed: " + answer);
        }
        return id;
    }

    static long projectCount() {
        return get("/api/projects?size=1").json().get("total").asLong();
    }

    /** One HTTP answer. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}

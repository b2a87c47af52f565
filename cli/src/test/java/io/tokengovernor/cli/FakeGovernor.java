package io.tokengovernor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the TokenGovernor server on a loopback port: answers canned documents in the
 * real wire format and remembers what it received. Unknown routes get a problem+json 404,
 * as the real server would answer.
 */
final class FakeGovernor implements AutoCloseable {

    record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeGovernor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method uri} (uri with its query string) with a JSON document. */
    FakeGovernor answer(String method, String uri, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        return answer(method, uri, status, type, json);
    }

    FakeGovernor answer(String method, String uri, int status, String contentType, String body) {
        answers.put(method + " " + uri, new Answer(status, contentType, body));
        return this;
    }

    List<Received> received() {
        return received;
    }

    Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received);
        }
        return received.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().toString();
        received.add(new Received(exchange.getRequestMethod(), uri, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + uri, new Answer(404,
                "application/problem+json",
                "{\"type\":\"https://tokengovernor.io/problems/not-found\",\"title\":\"Not Found\","
                        + "\"status\":404,\"detail\":\"no route " + uri + "\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted OpenAI Chat Completions API: {@code POST /v1/chat/completions} answered with a fixed text and the usage
 * the test chose, as chunks ({@code chat.completion.chunk}, the usage in a last chunk with empty choices when the
 * request asked for {@code stream_options.include_usage}, then {@code data: [DONE]}) or as one
 * {@code chat.completion}.
 */
final class ScriptedChat implements AutoCloseable {

    static final String TEXT = "Hello from the scripted model";
    static final int PROMPT = 900;
    static final int CACHED = 512;
    static final int COMPLETION = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    ScriptedChat(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            requests.add(request);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("authorization")));
            String id = "chatcmpl-scripted-" + calls.incrementAndGet() + "-" + java.util.UUID.randomUUID();
            exchange.getResponseHeaders().add("x-request-id", "req_" + id);
            ObjectNode usage = JSON.createObjectNode().put("prompt_tokens", PROMPT).put("completion_tokens", COMPLETION)
                    .put("total_tokens", PROMPT + COMPLETION);
            usage.putObject("prompt_tokens_details").put("cached_tokens", CACHED);
            if (!request.path("stream").asBoolean(false)) {
                ObjectNode completion = JSON.createObjectNode().put("id", id).put("object", "chat.completion")
                        .put("created", 1_700_000_000).put("model", request.path("model").asText());
                ObjectNode choice = completion.putArray("choices").addObject().put("index", 0)
                        .put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", TEXT);
                completion.set("usage", usage);
                byte[] body = completion.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String piece : TEXT.split("(?<= )")) {
                ObjectNode chunk = chunk(id, request);
                chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                        .put("content", piece);
                send(out, chunk.toString());
            }
            ObjectNode last = chunk(id, request);
            last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            send(out, last.toString());
            if (request.path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode usageChunk = chunk(id, request);
                usageChunk.putArray("choices");
                usageChunk.set("usage", usage);
                send(out, usageChunk.toString());
            }
            send(out, "[DONE]");
        }
    }

    private static ObjectNode chunk(String id, JsonNode request) {
        return JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000).put("model", request.path("model").asText());
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

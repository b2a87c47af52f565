package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.function.Function;

/**
 * A scripted Anthropic Messages API for the real Claude Code CLI: answers {@code POST /v1/messages} with the SSE
 * events Claude Code reads (message_start with usage, content blocks for text and tool_use, message_delta with the
 * output tokens, message_stop), as the {@link Script} decides from the conversation so far. Usage numbers are the
 * script's, so the test knows exactly what the transcript will hold.
 */
final class ScriptedModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: content blocks and the usage to report. */
    record Turn(List<Block> blocks, Usage usage) {

        static Turn text(String text, Usage usage) {
            return new Turn(List.of(Block.text(text)), usage);
        }

        static Turn tool(String command, Usage usage) {
            return new Turn(List.of(Block.text("Running a step."), Block.bash(command)), usage);
        }

        boolean usesTool() {
            return blocks.stream().anyMatch(block -> block.toolName() != null);
        }
    }

    /** A text block, or a tool_use block with its input. */
    record Block(String text, String toolName, ObjectNode input) {

        static Block text(String text) {
            return new Block(text, null, null);
        }

        static Block bash(String command) {
            return tool("Bash", JSON.createObjectNode().put("command", command).put("description", "a step"));
        }

        static Block tool(String name, ObjectNode input) {
            return new Block(null, name, input);
        }
    }

    record Usage(long input, long output, long cacheCreation, long cacheRead) {
    }

    /** What the model saw: the request and the headers that matter to the governor. */
    record Request(JsonNode body, String sessionId, String agentId) {

        /** The messages after the model's last answer, as text: what the tools and hooks said since. */
        String sinceLastAnswer() {
            JsonNode messages = body.path("messages");
            int last = -1;
            for (int i = 0; i < messages.size(); i++) {
                if ("assistant".equals(messages.get(i).path("role").asText())) {
                    last = i;
                }
            }
            StringBuilder text = new StringBuilder();
            for (int i = last + 1; i < messages.size(); i++) {
                text.append(messages.get(i).toString());
            }
            return text.toString();
        }

        String everything() {
            return body.toString();
        }

        int answersSoFar() {
            int count = 0;
            for (JsonNode message : body.path("messages")) {
                if ("assistant".equals(message.path("role").asText())) {
                    count++;
                }
            }
            return count;
        }

        boolean hasTool(String name) {
            for (JsonNode tool : body.path("tools")) {
                if (name.equals(tool.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    interface Script extends Function<Request, Turn> {
    }

    private final HttpServer server;
    private final AtomicInteger messageCount = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> callSessionIds = new CopyOnWriteArrayList<>();
    private final List<Turn> answered = new CopyOnWriteArrayList<>();
    private final List<java.util.Map<String, List<String>>> headersSeen = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong sideTokens = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean holdOpen;
    private final java.util.concurrent.BlockingQueue<String> cutStreams = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile Script script;

    ScriptedModel(Script script) throws IOException {
        this(script, 0);
    }

    /** On a given port (the gateway's upstream is configured before the test starts its model). */
    ScriptedModel(Script script, int port) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Every token the scripted answers reported (what the transcripts hold, as Claude Code got it). */
    long tokensAnswered() {
        return answered.stream().mapToLong(turn -> turn.usage().input() + turn.usage().output()
                + turn.usage().cacheCreation() + turn.usage().cacheRead()).sum();
    }

    /** The tokens the side requests (not streamed: titles, quota checks) were answered with. */
    long sideTokensAnswered() {
        return sideTokens.get();
    }

    /** The headers of every Messages API call, names in lower case. */
    List<java.util.Map<String, List<String>>> headersSeen() {
        return new ArrayList<>(headersSeen);
    }

    /**
     * Whether streams stop after their content blocks and send a {@code ping} every 20 ms (no message_delta) until
     * the reader goes away, as a long answer does when its client disconnects.
     */
    void holdStreamsOpen(boolean hold) {
        this.holdOpen = hold;
    }

    /** Waits until a held stream's reader went away; answers the message id of that stream. */
    String awaitCutStream(long seconds) throws InterruptedException {
        String id = cutStreams.poll(seconds, java.util.concurrent.TimeUnit.SECONDS);
        if (id == null) {
            throw new AssertionError("no held stream was cut within " + seconds + " s");
        }
        return id;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(Script next) {
        this.script = next;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The session id header of every call to the Messages API, side requests and token counts included. */
    List<String> callSessionIds() {
        return new ArrayList<>(callSessionIds);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/v1/messages")) {
                send(exchange, 404, "application/json", "{}");
                return;
            }
            JsonNode json = JSON.readTree(body);
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    List.copyOf(values)));
            headersSeen.add(headers);
            callSessionIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-claude-code-session-id")));
            if (path.endsWith("/count_tokens")) {
                send(exchange, 200, "application/json", "{\"input_tokens\":100}");
                return;
            }
            Request request = new Request(json, exchange.getRequestHeaders().getFirst("x-claude-code-session-id"),
                    exchange.getRequestHeaders().getFirst("x-claude-code-agent-id"));
            int n = messageCount.incrementAndGet();
            String id = "msg_scripted_" + n + "_" + Long.toHexString(System.nanoTime());
            if (!json.path("stream").asBoolean(false)) {
                // side requests (titles, summaries): tiny, and not part of the script
                ObjectNode message = JSON.createObjectNode().put("id", id).put("type", "message")
                        .put("role", "assistant").put("model", json.path("model").asText("claude-sonnet-4-5"))
                        .put("stop_reason", "end_turn");
                message.putArray("content").addObject().put("type", "text").put("text", "ok");
                message.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
                sideTokens.addAndGet(2);
                exchange.getResponseHeaders().add("request-id", "req_side_" + n);
                send(exchange, 200, "application/json", message.toString());
                return;
            }
            requests.add(request);
            Turn turn = script.apply(request);
            answered.add(turn);
            try {
                stream(exchange, id, "req_scripted_" + n, json.path("model").asText("claude-sonnet-4-5"), turn, holdOpen);
            } catch (IOException readerGone) {
                if (holdOpen) {
                    cutStreams.add(id);
                    return;
                }
                throw readerGone;
            }
        }
    }

    private static void stream(HttpExchange exchange, String id, String requestId, String model, Turn turn,
            boolean holdOpen) throws IOException {
        exchange.getResponseHeaders().add("content-type", "text/event-stream");
        exchange.getResponseHeaders().add("request-id", requestId);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", id).put("type", "message").put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putObject("usage").put("input_tokens", turn.usage().input()).put("output_tokens", 1)
                .put("cache_creation_input_tokens", turn.usage().cacheCreation())
                .put("cache_read_input_tokens", turn.usage().cacheRead());
        event(out, "message_start", start);
        int index = 0;
        for (Block block : turn.blocks()) {
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
            if (block.toolName() == null) {
                blockStart.putObject("content_block").put("type", "text").put("text", "");
                event(out, "content_block_start", blockStart);
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "text_delta").put("text", block.text());
                event(out, "content_block_delta", delta);
            } else {
                ObjectNode content = blockStart.putObject("content_block").put("type", "tool_use")
                        .put("id", "toolu_" + id + "_" + index).put("name", block.toolName());
                content.putObject("input");
                event(out, "content_block_start", blockStart);
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", block.input().toString());
                event(out, "content_block_delta", delta);
            }
            event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
            index++;
        }
        while (holdOpen) {
            event(out, "ping", JSON.createObjectNode().put("type", "ping"));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", turn.usesTool() ? "tool_use" : "end_turn")
                .putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", turn.usage().output());
        event(out, "message_delta", messageDelta);
        event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        out.flush();
    }

    private static void event(OutputStream out, String name, ObjectNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}

package io.tokengovernor.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The usage of one Messages API call, read from its answer: from {@code message_start} (the message id, the model,
 * input and cache tokens, the first output count) and {@code message_delta} (the output so far, which is
 * cumulative, and any input counts it repeats) of a stream, or from the {@code usage} of a whole message. A stream
 * cut short is settled at what was reported, and at least the text and tool input streamed so far (about four
 * characters a token), since the model produced that much.
 */
public final class AnthropicMeter implements StreamMeter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_TEXT = 16_384;

    private String messageId;
    private String model;
    private long input;
    private long output;
    private long cacheCreation;
    private long cacheRead;
    private long streamedChars;
    private final StringBuilder text = new StringBuilder();
    private boolean started;
    private boolean finished;

    /** Reads one event of the stream. */
    @Override
    public void accept(SseEvents.Event event) {
        JsonNode data;
        try {
            data = JSON.readTree(event.data());
        } catch (IOException notJson) {
            return;
        }
        if (data == null) {
            return;
        }
        String type = data.path("type").asText(event.name());
        switch (type) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                started = true;
                messageId = text(message.path("id"), messageId);
                model = text(message.path("model"), model);
                take(message.path("usage"));
            }
            case "message_delta" -> take(data.path("usage"));
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                keep(delta.path("text").asText(""));
                streamedChars += delta.path("text").asText("").length()
                        + delta.path("partial_json").asText("").length()
                        + delta.path("thinking").asText("").length();
            }
            case "message_stop" -> finished = true;
            default -> {
                // ping, content_block_start/stop, error: nothing to count
            }
        }
    }

    /** Reads a whole (non-streaming) message. */
    public void acceptMessage(JsonNode message) {
        for (JsonNode block : message.path("content")) {
            keep(block.path("text").asText(""));
        }
        started = message.has("usage");
        finished = started;
        messageId = text(message.path("id"), messageId);
        model = text(message.path("model"), model);
        take(message.path("usage"));
    }

    private void keep(String more) {
        if (text.length() < MAX_TEXT) {
            text.append(more, 0, Math.min(more.length(), MAX_TEXT - text.length()));
        }
    }

    /** The text the model wrote (its first {@value #MAX_TEXT} characters): where a checkpoint it was asked for is. */
    public String text() {
        return text.toString();
    }

    private void take(JsonNode usage) {
        if (!usage.isObject()) {
            return;
        }
        input = count(usage, "input_tokens", input);
        output = count(usage, "output_tokens", output);
        cacheCreation = count(usage, "cache_creation_input_tokens", cacheCreation);
        cacheRead = count(usage, "cache_read_input_tokens", cacheRead);
    }

    @Override
    public boolean reported() {
        return started;
    }

    @Override
    public boolean complete() {
        return finished;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CallUsage usage() {
        long produced = finished ? output : Math.max(output, (streamedChars + 3) / 4);
        return new CallUsage(input, produced, cacheCreation, cacheRead);
    }

    static long count(JsonNode usage, String field, long otherwise) {
        JsonNode value = usage.get(field);
        return value != null && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : otherwise;
    }

    static String text(JsonNode value, String otherwise) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : otherwise;
    }
}

package io.tokengovernor.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The usage of one Chat Completions call: from the final chunk of a stream asked with
 * {@code stream_options.include_usage} (its {@code usage}; {@code choices} empty), or from a whole answer's
 * {@code usage}. OpenAI's {@code prompt_tokens} include {@code prompt_tokens_details.cached_tokens}: those count as
 * cache reads here. A stream cut before its usage chunk is settled at the content streamed (about four characters a
 * token) and, for the input, the estimate the reservation was made with.
 */
public final class OpenAiMeter implements StreamMeter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long inputEstimate;
    private String id;
    private String model;
    private CallUsage usage;
    private long streamedChars;
    private boolean started;
    private boolean done;

    public OpenAiMeter(long inputEstimate) {
        this.inputEstimate = inputEstimate;
    }

    @Override
    public void accept(SseEvents.Event event) {
        if ("[DONE]".equals(event.data().strip())) {
            done = true;
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(event.data());
        } catch (IOException notJson) {
            return;
        }
        if (chunk == null || !chunk.isObject()) {
            return;
        }
        started = true;
        id = AnthropicMeter.text(chunk.path("id"), id);
        model = AnthropicMeter.text(chunk.path("model"), model);
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            streamedChars += delta.path("content").asText("").length();
            for (JsonNode call : delta.path("tool_calls")) {
                streamedChars += call.path("function").path("arguments").asText("").length();
            }
        }
        take(chunk.path("usage"));
    }

    /** Reads a whole (non-streaming) answer. */
    public void acceptCompletion(JsonNode completion) {
        started = true;
        done = true;
        id = AnthropicMeter.text(completion.path("id"), id);
        model = AnthropicMeter.text(completion.path("model"), model);
        take(completion.path("usage"));
    }

    private void take(JsonNode reported) {
        if (!reported.isObject()) {
            return;
        }
        long prompt = AnthropicMeter.count(reported, "prompt_tokens", 0);
        long completion = AnthropicMeter.count(reported, "completion_tokens", 0);
        long cached = Math.min(prompt, AnthropicMeter.count(reported.path("prompt_tokens_details"), "cached_tokens", 0));
        usage = new CallUsage(prompt - cached, completion, 0, cached);
    }

    @Override
    public boolean reported() {
        return started;
    }

    @Override
    public boolean complete() {
        return usage != null;
    }

    @Override
    public String messageId() {
        return id;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CallUsage usage() {
        if (usage != null) {
            return usage;
        }
        return new CallUsage(inputEstimate, (streamedChars + 3) / 4, 0, 0);
    }

    /** Whether the stream ended with {@code data: [DONE]}. */
    public boolean done() {
        return done;
    }
}

package io.tokengovernor.core.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A model call's request body as the gateway needs it: whether it streams, its {@code max_tokens}, an estimate of
 * its input tokens, and (for the checkpoint reminder) a copy with a text appended to the last user turn. The body is
 * otherwise forwarded byte for byte; it is parsed only to learn these, strictly enough that a hostile body is refused
 * at once (UTF-8 only, one JSON object, at most 64 levels deep, no member named twice).
 */
public final class ModelRequest {

    /** Tokens counted for an image or a document sent as base64 (Anthropic bills an image at about 1,600). */
    static final long TOKENS_PER_ATTACHMENT = 1_600;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final byte[] bytes;
    private final ObjectNode body;

    private ModelRequest(byte[] bytes, ObjectNode body) {
        this.bytes = bytes;
        this.body = body;
    }

    /** @throws InvalidModelRequest with a reason a client can act on */
    public static ModelRequest parse(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new InvalidModelRequest("the body is not UTF-8");
        }
        JsonNode tree;
        try (JsonParser parser = JSON.createParser(bytes)) {
            tree = JSON.readTree(parser);
        } catch (IOException e) {
            throw new InvalidModelRequest("the body is not one JSON document: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidModelRequest("the body must be a JSON object");
        }
        return new ModelRequest(bytes, (ObjectNode) tree);
    }

    public boolean stream() {
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            throw new InvalidModelRequest("stream: must be true or false");
        }
        return stream != null && stream.asBoolean();
    }

    public String model() {
        JsonNode model = body.get("model");
        return model != null && model.isTextual() ? model.asText() : null;
    }

    /** {@code max_tokens} (Anthropic) or {@code max_completion_tokens}/{@code max_tokens} (OpenAI), if given. */
    public long maxOutputTokens() {
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            JsonNode value = body.get(field);
            if (value != null && value.canConvertToLong() && value.asLong() > 0) {
                return value.asLong();
            }
        }
        return 0;
    }

    /**
     * The input tokens this call will probably be billed: about four characters a token over every text of the
     * request (system prompt, messages, tool definitions), and {@value #TOKENS_PER_ATTACHMENT} per base64 image or
     * document instead of its characters. An estimate for admission only; usage is settled from the answer.
     */
    public long inputEstimate() {
        long[] counted = new long[2];
        count(body, null, counted);
        return (counted[0] + 3) / 4 + counted[1] * TOKENS_PER_ATTACHMENT;
    }

    private static void count(JsonNode node, String field, long[] counted) {
        if (node.isTextual()) {
            if ("data".equals(field) || "image_url".equals(field) || "url".equals(field)) {
                counted[1]++;
            } else {
                counted[0] += node.asText().length();
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                count(member.getValue(), member.getKey(), counted);
            }
        } else if (node.isArray()) {
            node.forEach(element -> count(element, field, counted));
        }
    }

    /** Sets {@code stream_options.include_usage} (OpenAI): the last chunk then carries the exact usage. */
    public ModelRequest withUsageInStream() {
        ObjectNode copy = body.deepCopy();
        JsonNode options = copy.get("stream_options");
        ObjectNode streamOptions = options != null && options.isObject() ? (ObjectNode) options
                : copy.putObject("stream_options");
        if (streamOptions.path("include_usage").asBoolean(false)) {
            return this;
        }
        streamOptions.put("include_usage", true);
        return of(copy);
    }

    /**
     * A copy with {@code text} added at the end of the last user turn: after its last content block (a string
     * content becomes a text block followed by this one), so every cache breakpoint the client set stays where it
     * was and the cached prefix still matches. Unchanged when there is no user turn.
     */
    public ModelRequest withReminder(String text) {
        ObjectNode copy = body.deepCopy();
        JsonNode messages = copy.get("messages");
        if (messages == null || !messages.isArray()) {
            return this;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (message.isObject() && "user".equals(message.path("role").asText())) {
                ObjectNode turn = (ObjectNode) message;
                JsonNode content = turn.get("content");
                ArrayNode blocks;
                if (content != null && content.isArray()) {
                    blocks = (ArrayNode) content;
                } else {
                    blocks = turn.putArray("content");
                    if (content != null && content.isTextual()) {
                        blocks.addObject().put("type", "text").put("text", content.asText());
                    }
                }
                blocks.addObject().put("type", "text").put("text", text);
                return of(copy);
            }
        }
        return this;
    }

    public byte[] bytes() {
        return bytes;
    }

    private static ModelRequest of(ObjectNode body) {
        try {
            return new ModelRequest(JSON.writeValueAsBytes(body), body);
        } catch (IOException e) {
            throw new IllegalStateException("a tree Jackson read is one it can write", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** A body the gateway cannot forward; the client gets a 400 in its API's error format. */
    public static final class InvalidModelRequest extends RuntimeException {

        public InvalidModelRequest(String reason) {
            super(reason);
        }
    }
}

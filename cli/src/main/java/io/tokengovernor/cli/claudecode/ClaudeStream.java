package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code's {@code --output-format stream-json} as the runner follows it: the session's id, one progress line
 * per model message (a message streams as several lines, one per content block), and the final result.
 */
final class ClaudeStream {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> messagesSeen = new HashSet<>();
    private String sessionId;
    private JsonNode result;
    private int messages;

    /** Reads one line; answers the progress line it deserves, if any. */
    Optional<String> accept(String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        switch (json.path("type").asText()) {
            case "system" -> {
                if ("init".equals(json.path("subtype").asText())) {
                    sessionId = json.path("session_id").asText(null);
                    return Optional.of("session " + sessionId + " started (model " + json.path("model").asText("?")
                            + ")");
                }
            }
            case "assistant" -> {
                JsonNode message = json.path("message");
                String id = message.path("id").asText("");
                StringBuilder what = new StringBuilder();
                for (JsonNode block : message.path("content")) {
                    switch (block.path("type").asText()) {
                        case "tool_use" -> what.append(" -> ").append(block.path("name").asText())
                                .append(toolDetail(block.path("input")));
                        case "text" -> what.append(" \"").append(excerpt(block.path("text").asText(), 60)).append('"');
                        default -> {
                        }
                    }
                }
                boolean first = messagesSeen.add(id);
                if (first) {
                    messages++;
                }
                String prefix = json.path("parent_tool_use_id").isTextual() ? "  subagent " : "";
                return what.isEmpty() ? Optional.empty() : Optional.of(prefix + id + what);
            }
            case "result" -> {
                result = json;
                return Optional.of("result: " + json.path("subtype").asText("") + ", " + json.path("num_turns").asInt()
                        + " turns, " + json.path("duration_ms").asLong() + " ms");
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    String sessionId() {
        return sessionId;
    }

    Optional<JsonNode> result() {
        return Optional.ofNullable(result);
    }

    int messages() {
        return messages;
    }

    private static String toolDetail(JsonNode input) {
        String detail = input.path("command").asText(input.path("file_path").asText(input.path("description")
                .asText("")));
        return detail.isEmpty() ? "" : " " + excerpt(detail, 50);
    }

    private static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}

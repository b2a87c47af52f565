package io.tokengovernor.cli.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * An optional file that says which task and agent a Claude Code session's usage belongs to:
 * {@code {"sessions": {"<session id>": {"taskId": "…", "agentId": "…", "agentType": "…"}}}}.
 * Sessions it does not name get a task and an agent of their own.
 */
final class SessionMapping {

    private final Map<String, Entry> sessions;

    private SessionMapping(Map<String, Entry> sessions) {
        this.sessions = sessions;
    }

    static SessionMapping none() {
        return new SessionMapping(Map.of());
    }

    static SessionMapping read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mapping file " + file + ": " + e.getMessage(), e);
        }
        JsonNode sessions = root == null ? null : root.get("sessions");
        if (sessions == null || !sessions.isObject()) {
            throw new IllegalArgumentException("the mapping file " + file + " needs an object \"sessions\"");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sessions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> session = it.next();
            JsonNode value = session.getValue();
            entries.put(session.getKey(), new Entry(text(value, "taskId"), text(value, "agentId"),
                    text(value, "agentType")));
        }
        return new SessionMapping(entries);
    }

    Entry of(String sessionId) {
        return sessions.get(sessionId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Where one session's usage goes. */
    record Entry(String taskId, String agentId, String agentType) {
    }
}

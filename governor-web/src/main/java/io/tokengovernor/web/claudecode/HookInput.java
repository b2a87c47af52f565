package io.tokengovernor.web.claudecode;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.claudecode.boundary.HookSubject;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.claudecode.HookEventName;
import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.usage.entity.UsageEvent;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Claude Code hook's input as Claude Code sends it (unknown fields ignored), plus what
 * {@code token-gov hooks relay} adds under {@code tokenGovernor}: the subagent transcripts it read and the
 * usage events it metered from them.
 */
record HookInput(HookEventName event, HookSubject subject, String transcriptPath, boolean stopHookActive,
        String agentMessage, List<String> subagents, List<UsageEvent> events, Map<String, String> checkpoints) {

    private static final int MAX_EVENTS = 10_000;

    static HookInput parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequestException("body", "must be the JSON object a Claude Code hook sends");
        }
        String name = text(json, "hook_event_name");
        HookEventName event = HookEventName.of(name).orElseThrow(() -> new InvalidRequestException("hook_event_name",
                "must be one of SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop, SubagentStop, "
                        + "SessionEnd, not " + (name == null ? "missing" : "'" + name + "'")));
        String session = text(json, "session_id");
        if (session == null || session.isBlank() || session.length() > 200) {
            throw new InvalidRequestException("session_id", "must be the session's id");
        }
        HookSubject subject = new HookSubject(session, text(json, "agent_id"), text(json, "agent_type"),
                text(json, "cwd"));
        JsonValue active = json.get("stop_hook_active");
        boolean stopHookActive = active != null && active.getValueType() == JsonValue.ValueType.TRUE;
        List<String> subagents = new ArrayList<>();
        List<UsageEvent> events = new ArrayList<>();
        Map<String, String> checkpoints = new LinkedHashMap<>();
        JsonValue relayed = json.get("tokenGovernor");
        if (relayed != null && relayed.getValueType() == JsonValue.ValueType.OBJECT) {
            readRelayed(relayed.asJsonObject(), subagents, events);
            readCheckpoints(relayed.asJsonObject(), checkpoints);
        }
        return new HookInput(event, subject, text(json, "transcript_path"), stopHookActive,
                text(json, "last_assistant_message"), subagents, events, checkpoints);
    }

    /** The tasks the metered events may name: the session's and those of the subagents read. */
    Set<String> meteredTasks() {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(SessionTasks.taskOf(subject.sessionId()));
        subagents.forEach(name -> allowed.add(SessionTasks.subagentTaskOf(subject.sessionId(), name)));
        return allowed;
    }

    private static void readRelayed(JsonObject relayed, List<String> subagents,
            List<UsageEvent> events) {
        JsonValue names = relayed.get("subagents");
        if (names != null && names.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : names.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.STRING) {
                    throw new InvalidRequestException("tokenGovernor.subagents", "must be transcript names");
                }
                subagents.add(((jakarta.json.JsonString) value).getString());
            }
        }
        JsonValue list = relayed.get("events");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        if (list.asJsonArray().size() > MAX_EVENTS) {
            throw new InvalidRequestException("tokenGovernor.events", "at most " + MAX_EVENTS + " events at once");
        }
        int index = 0;
        for (JsonValue value : list.asJsonArray()) {
            String field = "tokenGovernor.events[" + index++ + "]";
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException(field, "must be a usage event");
            }
            events.add(event(value.asJsonObject(), field));
        }
    }

    /** The checkpoints the relay found in the transcripts it read: task id → the agent's summary. */
    private static void readCheckpoints(JsonObject relayed, Map<String, String> checkpoints) {
        JsonValue list = relayed.get("checkpoints");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        int index = 0;
        for (JsonValue value : list.asJsonArray()) {
            String field = "tokenGovernor.checkpoints[" + index++ + "]";
            String task = value instanceof JsonObject object ? text(object, "taskId") : null;
            String summary = value instanceof JsonObject object ? text(object, "summary") : null;
            if (task == null || summary == null || summary.isBlank()) {
                throw new InvalidRequestException(field, "needs taskId and summary");
            }
            checkpoints.put(task, CheckpointText.MARKER + " " + summary);
        }
    }

    private static UsageEvent event(JsonObject json, String field) {
        String eventId = text(json, "eventId");
        String taskId = text(json, "taskId");
        String timestamp = text(json, "timestamp");
        if (eventId == null || eventId.isBlank() || eventId.length() > 200 || taskId == null || timestamp == null) {
            throw new InvalidRequestException(field, "needs eventId (≤ 200 characters), taskId and timestamp");
        }
        try {
            return new UsageEvent(eventId, taskId, null, Instant.parse(timestamp), text(json, "model"),
                    count(json, "inputTokens", field), count(json, "outputTokens", field),
                    count(json, "cacheCreationTokens", field), count(json, "cacheReadTokens", field),
                    json.get("costUsd") instanceof JsonNumber cost ? cost.doubleValue() : null, "claude-code-log",
                    null);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + ".timestamp", "must be an RFC 3339 UTC time");
        }
    }

    private static long count(JsonObject json, String name, String field) {
        JsonValue value = json.get(name);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new InvalidRequestException(field + "." + name, "must be a non-negative integer");
        }
        return number.longValueExact();
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }
}

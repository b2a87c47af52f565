package io.tokengovernor.web.claudecode;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.claudecode.boundary.HookSubject;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.claudecode.HookEventName;
import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.usage.entity.UsageEvent;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** {@code json}: the body as the strict reader of request bodies read it. */
    static HookInput parse(JsonNode json) {
        if (json == null || !json.isObject()) {
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
        JsonNode active = json.get("stop_hook_active");
        if (active != null && !active.isBoolean()) {
            throw new InvalidRequestException("stop_hook_active", "must be true or false");
        }
        boolean stopHookActive = active != null && active.asBoolean();
        List<String> subagents = new ArrayList<>();
        List<UsageEvent> events = new ArrayList<>();
        Map<String, String> checkpoints = new LinkedHashMap<>();
        JsonNode relayed = json.get("tokenGovernor");
        if (relayed != null && !relayed.isObject()) {
            throw new InvalidRequestException("tokenGovernor", "must be the object token-gov hooks relay sends");
        }
        if (relayed != null) {
            readRelayed(relayed, subagents, events);
            readCheckpoints(relayed, checkpoints);
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

    private static void readRelayed(JsonNode relayed, List<String> subagents, List<UsageEvent> events) {
        JsonNode names = relayed.get("subagents");
        if (names != null) {
            if (!names.isArray()) {
                throw new InvalidRequestException("tokenGovernor.subagents", "must be transcript names");
            }
            for (JsonNode value : names) {
                if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 200) {
                    throw new InvalidRequestException("tokenGovernor.subagents", "must be transcript names");
                }
                subagents.add(value.asText());
            }
        }
        JsonNode list = relayed.get("events");
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidRequestException("tokenGovernor.events", "must be a list of usage events");
        }
        if (list.size() > MAX_EVENTS) {
            throw new InvalidRequestException("tokenGovernor.events", "at most " + MAX_EVENTS + " events at once");
        }
        int index = 0;
        for (JsonNode value : list) {
            String field = "tokenGovernor.events[" + index++ + "]";
            if (!value.isObject()) {
                throw new InvalidRequestException(field, "must be a usage event");
            }
            events.add(event(value, field));
        }
    }

    /** The checkpoints the relay found in the transcripts it read: task id → the agent's summary. */
    private static void readCheckpoints(JsonNode relayed, Map<String, String> checkpoints) {
        JsonNode list = relayed.get("checkpoints");
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidRequestException("tokenGovernor.checkpoints", "must be a list");
        }
        int index = 0;
        for (JsonNode value : list) {
            String field = "tokenGovernor.checkpoints[" + index++ + "]";
            String task = value.isObject() ? text(value, "taskId") : null;
            String summary = value.isObject() ? text(value, "summary") : null;
            if (task == null || summary == null || summary.isBlank()) {
                throw new InvalidRequestException(field, "needs taskId and summary");
            }
            checkpoints.put(task, CheckpointText.MARKER + " " + summary);
        }
    }

    private static UsageEvent event(JsonNode json, String field) {
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
                    json.path("costUsd").isNumber() ? json.get("costUsd").doubleValue() : null, "claude-code-log",
                    null);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + ".timestamp", "must be an RFC 3339 UTC time");
        }
    }

    private static long count(JsonNode json, String name, String field) {
        JsonNode value = json.get(name);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new InvalidRequestException(field + "." + name, "must be a non-negative integer");
        }
        return value.longValue();
    }

    /** A text member, or null when absent; any other type is refused (a hook's fields are all text). */
    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(name, "must be text");
        }
        return value.asText();
    }
}

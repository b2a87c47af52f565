package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TokenGovernor's hooks for Claude Code. Decisions that must be fast (a prompt, a tool call) are {@code http}
 * hooks straight to the server; events after which the transcript has grown (session start, after a tool, stop,
 * session end) run {@code token-gov hooks relay}, which meters the transcript where it lives and then asks the
 * server. The API key is never written: http hooks name {@code $TOKEN_GOV_API_KEY} (allowed by
 * {@code allowedEnvVars}), and the relay reads it from the environment.
 */
public record GovernorHooks(String server, String projectId, Long taskBudget, boolean failClosed, String launcher) {

    static final String API_KEY_ENV = "TOKEN_GOV_API_KEY";
    static final String ENDPOINT = "/api/hooks/claude-code";
    static final String RELAY = "hooks relay";
    static final int HTTP_TIMEOUT_SECONDS = 5;
    static final int RELAY_TIMEOUT_SECONDS = 30;

    /** Event → whether it runs through the relay (else an http hook), in the order written. */
    static final Map<String, Boolean> EVENTS = events();

    private static Map<String, Boolean> events() {
        Map<String, Boolean> events = new LinkedHashMap<>();
        events.put("SessionStart", true);
        events.put("UserPromptSubmit", false);
        events.put("PreToolUse", false);
        events.put("PostToolUse", true);
        events.put("Stop", true);
        events.put("SubagentStop", true);
        events.put("SessionEnd", true);
        return events;
    }

    /** The hook object for one event. */
    ObjectNode hookFor(String event) {
        ObjectNode hook = JsonNodeFactory.instance.objectNode();
        if (EVENTS.get(event)) {
            hook.put("type", "command");
            hook.put("command", relayCommand());
            hook.put("timeout", RELAY_TIMEOUT_SECONDS);
            return hook;
        }
        hook.put("type", "http");
        hook.put("url", endpoint());
        hook.put("timeout", HTTP_TIMEOUT_SECONDS);
        hook.putObject("headers").put("Authorization", "Bearer $" + API_KEY_ENV);
        hook.putArray("allowedEnvVars").add(API_KEY_ENV);
        if (failClosed) {
            hook.put("onFailure", "block");
        }
        return hook;
    }

    /** Whether a matcher group's hook is one of ours (whatever server or project it names). */
    static boolean ours(JsonNode hook) {
        String type = hook.path("type").asText("");
        if ("http".equals(type)) {
            return hook.path("url").asText("").contains(ENDPOINT);
        }
        if ("command".equals(type)) {
            String command = hook.path("command").asText("");
            return command.contains("token-gov") && command.contains(" " + RELAY + " ");
        }
        return false;
    }

    String endpoint() {
        return server + ENDPOINT + "?projectId=" + projectId + (taskBudget == null ? "" : "&taskBudget=" + taskBudget);
    }

    String relayCommand() {
        StringBuilder command = new StringBuilder(quoted(launcher)).append(' ').append(RELAY)
                .append(" --server ").append(quoted(server)).append(" --project ").append(projectId);
        if (taskBudget != null) {
            command.append(" --task-budget ").append(taskBudget);
        }
        if (failClosed) {
            command.append(" --fail-closed");
        }
        return command.toString();
    }

    /** The events whose hooks take a tool matcher. */
    static boolean takesMatcher(String event) {
        return List.of("PreToolUse", "PostToolUse").contains(event);
    }

    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

package io.tokengovernor.cli.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.core.plan.Phase0Overhead;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Phase 0's agents as governed tasks of the project: each run of the Setup or PR agent is a task of the project's
 * {@code setup} or {@code pr} agent (one agent per role and project, its id a name-based UUID), so whatever it spends
 * lands in the ledger like any other work, and {@code init --status} can weigh it against the project's work.
 */
public final class Phase0Tasks {

    private static final int PAGE = 500;

    private Phase0Tasks() {
    }

    /** Registers a running task of the project's agent for {@code role} ({@code setup} or {@code pr}). */
    public static String start(GovernorServer server, String projectId, String role, String description) {
        String taskId = UUID.randomUUID().toString();
        String agentId = UUID.nameUUIDFromBytes(("token-gov:" + projectId + ":" + role).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", taskId);
        task.put("projectId", projectId);
        task.put("agentId", agentId);
        task.put("agentType", role);
        task.put("complexity", "SIMPLE");
        task.put("description", description);
        server.post("/api/tasks/register", task);
        move(server, taskId, "RUNNING", role + " agent started");
        return taskId;
    }

    /** Ends the task: COMPLETED, or FAILED with what went wrong. */
    public static void finish(GovernorServer server, String taskId, boolean done, String reason) {
        move(server, taskId, done ? "COMPLETED" : "FAILED", reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    /** The project's tokens by agent type, from the server's tasks, weighed as Phase 0 against work. */
    public static Phase0Overhead overhead(GovernorServer server, String projectId) {
        Map<String, Long> tokens = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = server.get("/api/tasks?projectId=" + GovernorServer.segment(projectId) + "&size=" + PAGE
                    + "&page=" + page).json();
            for (JsonNode task : answer.path("items")) {
                tokens.merge(task.path("agentType").asText(""), task.path("usedTokens").asLong(), Long::sum);
            }
            if ((long) (page + 1) * PAGE >= answer.path("total").asLong()) {
                return Phase0Overhead.of(tokens);
            }
        }
    }

    private static void move(GovernorServer server, String taskId, String to, String reason) {
        server.post("/api/tasks/" + GovernorServer.segment(taskId) + "/transitions", Map.of("to", to, "reason", reason));
    }
}

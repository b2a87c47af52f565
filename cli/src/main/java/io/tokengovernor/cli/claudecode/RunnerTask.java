package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.cli.server.ServerProblem;
import io.tokengovernor.core.claudecode.SessionTasks;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The runner's task as the server holds it (a RUNNING task whose directive is PAUSE counts as paused), and the moves the runner makes. */
record RunnerTask(String state, String reason) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    boolean paused() {
        return "PAUSED".equals(state) || "QUEUED".equals(state);
    }

    boolean terminal() {
        return "COMPLETED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
    }

    /** How many moves the task has made so far. */
    static int moves(GovernorServer server, String task) {
        return server.get("/api/tasks/" + GovernorServer.segment(task)).json().path("transitions").size();
    }

    /** Whether the task was paused or queued after its first {@code moves} moves. */
    static boolean pausedSince(GovernorServer server, String task, int moves) {
        JsonNode transitions = server.get("/api/tasks/" + GovernorServer.segment(task)).json().path("transitions");
        for (int i = moves; i < transitions.size(); i++) {
            String to = transitions.get(i).path("to").asText();
            if ("PAUSED".equals(to) || "QUEUED".equals(to)) {
                return true;
            }
        }
        return false;
    }

    static RunnerTask of(GovernorServer server, String task) {
        JsonNode json = server.get("/api/tasks/" + GovernorServer.segment(task)).json();
        String state = json.path("state").asText();
        if ("RUNNING".equals(state) && directiveIsPause(server, task)) {
            return new RunnerTask("PAUSED", "the directive is PAUSE");
        }
        return new RunnerTask(state, lastReason(json));
    }

    static boolean directiveIsPause(GovernorServer server, String task) {
        try {
            return "PAUSE".equals(server.get("/api/tasks/" + GovernorServer.segment(task) + "/directive").json()
                    .path("action").asText());
        } catch (ServerCallFailed unknown) {
            return false;
        }
    }

    /** Registers the task when it is new and moves it to RUNNING; a paused task is left for the scheduler. */
    static RunnerTask prepare(GovernorServer server, String task, String projectId, String agentType, Long budget,
            String description) {
        try {
            return of(server, task).registeredToRunning(server, task);
        } catch (ServerProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        ObjectNode registration = MAPPER.createObjectNode().put("id", task).put("projectId", projectId)
                .put("agentId", SessionTasks.agentOf(task)).put("agentType", agentType)
                .put("description", "token-gov run: " + excerpt(description));
        if (budget != null) {
            registration.put("tokenBudget", budget);
        } else {
            long projectBudget = server.get("/api/projects/" + GovernorServer.segment(projectId)).json()
                    .path("tokenBudget").asLong();
            registration.put("tokenBudget", projectBudget);
        }
        server.post("/api/tasks/register", registration);
        return of(server, task).registeredToRunning(server, task);
    }

    private RunnerTask registeredToRunning(GovernorServer server, String task) {
        if ("REGISTERED".equals(state)) {
            move(server, task, "RUNNING", "token-gov run started Claude Code");
            return new RunnerTask("RUNNING", null);
        }
        return this;
    }

    static void move(GovernorServer server, String task, String to, String reason) {
        server.post("/api/tasks/" + GovernorServer.segment(task) + "/transitions",
                Map.of("to", to, "reason", reason));
    }

    static RunnerTask awaitResume(GovernorServer server, String task, Duration poll) throws InterruptedException {
        while (true) {
            RunnerTask state = of(server, task);
            if (!state.paused()) {
                return state;
            }
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
        }
    }

    /** The prompt a resumed session continues with: its last checkpoint. */
    static String resumePrompt(GovernorServer server, String task) {
        String summary = null;
        for (JsonNode checkpoint : server.get("/api/tasks/" + GovernorServer.segment(task) + "/checkpoints").json()) {
            if (checkpoint.hasNonNull("summary")) {
                summary = checkpoint.get("summary").asText();
            }
        }
        return "TokenGovernor resumed this task after a pause. "
                + (summary == null ? "No checkpoint was saved; review the transcript above."
                : "Your checkpoint: " + summary) + " Continue the work from there.";
    }

    private static String lastReason(JsonNode task) {
        JsonNode transitions = task.path("transitions");
        return transitions.isArray() && !transitions.isEmpty()
                ? transitions.get(transitions.size() - 1).path("reason").asText(null) : null;
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}

package io.tokengovernor.cli.pr;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.server.GovernorServer;

/**
 * The tokens a task has spent, as the server counts them: the task's own and its child tasks' (a Claude Code
 * session's subagents), the same sum the server shows for the pull request.
 */
record TaskTokens(String taskId, String projectId, String description, long tokens) {

    private static final int PAGE = 500;

    static TaskTokens read(GovernorServer server, String taskId) {
        JsonNode task = server.get("/api/tasks/" + GovernorServer.segment(taskId)).json();
        String projectId = task.path("projectId").asText();
        String id = task.path("id").asText(taskId);
        long tokens = task.path("usedTokens").asLong();
        for (int page = 0; ; page++) {
            JsonNode answer = server.get("/api/tasks?projectId=" + GovernorServer.segment(projectId) + "&size=" + PAGE
                    + "&page=" + page).json();
            for (JsonNode other : answer.path("items")) {
                if (id.equals(other.path("parentTaskId").asText(null))) {
                    tokens += other.path("usedTokens").asLong();
                }
            }
            if ((long) (page + 1) * PAGE >= answer.path("total").asLong()) {
                break;
            }
        }
        return new TaskTokens(id, projectId, task.path("description").asText(""), tokens);
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Estimates improve from history, and their error is reported. */
class EstimationIT {

    @Test
    void completed_tasks_teach_the_estimate_of_the_next_one_and_the_error_is_reported() {
        String projectId = registerProject(newId(), "history", 10_000_000);
        String agentType = "estimator-" + newId().substring(0, 8);
        long[] used = {1_800, 2_000, 2_100, 2_400, 3_000};
        for (int i = 0; i < used.length; i++) {
            String taskId = post("/api/tasks/register", """
                    {"projectId":"%s","agentId":"%s","agentType":"%s","complexity":"COMPLEX","tokenBudget":100000}"""
                    .formatted(projectId, newId(), agentType)).json().get("id").asText();
            post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
            InspectorFlowIT.report(taskId, "work", used[i] - 100);
            assertThat(post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"COMPLETED\",\"reason\":\"done\"}")
                    .status()).isEqualTo(200);
        }
        JsonNode heuristic = get("/api/estimate?complexity=COMPLEX&agentType=unknown-" + agentType).json();
        JsonNode learnt = get("/api/estimate?complexity=COMPLEX&agentType=" + agentType).json();

        assertThat(heuristic.get("source").asText()).isEqualTo("HEURISTIC");
        assertThat(heuristic.get("estimate").asLong()).isEqualTo(3_000);
        assertThat(learnt.get("source").asText()).isEqualTo("HISTORY");
        assertThat(learnt.get("samples").asInt()).isEqualTo(5);
        assertThat(learnt.get("estimate").asLong()).isEqualTo(2_100);
        assertThat(learnt.get("p75").asLong()).isEqualTo(2_400);
        assertThat(learnt.get("expectedError").asDouble()).isBetween(0.0, 1.0);

        JsonNode next = post("/api/tasks/register", """
                {"projectId":"%s","agentId":"%s","agentType":"%s","complexity":"COMPLEX"}"""
                .formatted(projectId, newId(), agentType)).json();
        assertThat(next.get("estimatedTokens").asLong()).as("learnt, not the heuristic").isEqualTo(2_100);
        assertThat(next.get("tokenBudget").asLong()).as("the budget follows the estimate").isEqualTo(2_100);

        JsonNode status = get("/api/status/project/" + projectId).json();
        // estimates were the heuristic 3,000 against 1,800 … 3,000 used
        double expected = (1200.0 / 1800 + 1000.0 / 2000 + 900.0 / 2100 + 600.0 / 2400 + 0.0 / 3000) / 5;
        assertThat(status.get("estimationError").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }
}

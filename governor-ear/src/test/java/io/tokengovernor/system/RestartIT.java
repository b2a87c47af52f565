package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RestartIT {

    @Test
    void everything_acknowledged_is_still_there_after_a_server_restart() throws Exception {
        String projectId = registerProject(newId(), "durable", 77_000);
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","agentId":"%s","complexity":"SIMPLE"}""".formatted(projectId, newId()))
                .json().get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"before restart\"}");
        JsonNode before = get("/api/tasks/" + taskId).json();

        ServerProcess.restart();

        assertThat(get("/api/projects/" + projectId).json().get("tokenBudget").asLong()).isEqualTo(77_000);
        JsonNode after = get("/api/tasks/" + taskId).json();
        assertThat(after).isEqualTo(before);
        assertThat(after.get("transitions")).hasSize(2);
        assertThat(after.get("state").asText()).isEqualTo("RUNNING");
    }
}

package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AddTaskTest {

    private static final String TASK = """
            {"id":"t-1","projectId":"p-1","agentId":"claude-7","agentType":"coder","packageId":null,\
            "parentTaskId":null,"complexity":"COMPLEX","estimatedTokens":12000,"tokenBudget":20000,\
            "usedTokens":0,"reservedTokens":0,"remainingTokens":20000,"state":"PENDING",\
            "checkpointState":null,"description":"split the parser","createdAt":"2025-01-31T18:00:00Z",\
            "updatedAt":"2025-01-31T18:00:00Z","transitions":[]}""";

    private final FakeGovernor governor = new FakeGovernor();

    AddTaskTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void addingATaskSendsItsFieldsAndPrintsASummaryLine() throws Exception {
        governor.answer("POST", "/api/tasks/register", 201, TASK);

        CliRun run = CliRun.of("task", "add", "--server", governor.url(), "--project", "p-1", "--agent", "claude-7",
                "--agent-type", "coder", "--complexity", "complex", "--estimate", "12000", "--budget", "20000",
                "--description", "split the parser");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Registered task t-1 state PENDING complexity COMPLEX estimate 12000 budget 20000");
        JsonNode body = new ObjectMapper().readTree(governor.onlyRequest().body());
        assertThat(body.get("projectId").asText()).isEqualTo("p-1");
        assertThat(body.get("agentId").asText()).isEqualTo("claude-7");
        assertThat(body.get("agentType").asText()).isEqualTo("coder");
        assertThat(body.get("complexity").asText()).isEqualTo("COMPLEX");
        assertThat(body.get("estimatedTokens").isIntegralNumber()).isTrue();
        assertThat(body.get("estimatedTokens").asLong()).isEqualTo(12000L);
        assertThat(body.get("tokenBudget").asLong()).isEqualTo(20000L);
        assertThat(body.get("description").asText()).isEqualTo("split the parser");
        assertThat(body.has("parentTaskId")).isFalse();
        assertThat(body.has("id")).isFalse();
    }

    @Test
    void aTaskWithoutProjectIsAUsageError() {
        CliRun run = CliRun.of("task", "add", "--server", governor.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--project=ID'");
    }
}

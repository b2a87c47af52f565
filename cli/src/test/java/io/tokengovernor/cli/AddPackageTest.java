package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AddPackageTest {

    private static final String PACKAGE = """
            {"id":"wp-1","projectId":"p-1","taskIds":["t-1","t-2","t-3"],"estimatedTokens":30000,\
            "priority":5,"notBefore":"2025-01-31T07:00:00Z","deadline":"2025-01-31T18:00:00Z",\
            "createdAt":"2025-01-30T18:00:00Z"}""";

    private final FakeGovernor governor = new FakeGovernor();

    AddPackageTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void tasksMayBeRepeatedOrCommaSeparatedAndTimesAreSentInUtc() throws Exception {
        governor.answer("POST", "/api/packages/register", 201, PACKAGE);

        CliRun run = CliRun.of("package", "add", "--server", governor.url(), "--project", "p-1",
                "--task", "t-1,t-2", "--task", "t-3", "--estimate", "30000", "--priority", "5",
                "--not-before", "2025-01-31T08:00:00+01:00", "--deadline", "2025-01-31T18:00:00Z");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Registered package wp-1 tasks 3 estimate 30000 priority 5 deadline 2025-01-31T18:00:00Z");
        JsonNode body = new ObjectMapper().readTree(governor.onlyRequest().body());
        assertThat(body.get("projectId").asText()).isEqualTo("p-1");
        assertThat(body.get("taskIds").isArray()).isTrue();
        assertThat(body.get("taskIds")).extracting(JsonNode::asText).containsExactly("t-1", "t-2", "t-3");
        assertThat(body.get("priority").isInt()).isTrue();
        assertThat(body.get("estimatedTokens").asLong()).isEqualTo(30000L);
        assertThat(body.get("notBefore").asText()).isEqualTo("2025-01-31T07:00:00Z");
        assertThat(body.get("deadline").asText()).isEqualTo("2025-01-31T18:00:00Z");
    }

    @Test
    void aDeadlineThatIsNotRfc3339IsAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.of("package", "add", "--server", governor.url(), "--project", "p-1",
                "--deadline", "tomorrow");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'tomorrow' is not an RFC 3339 timestamp");
        assertThat(governor.received()).isEmpty();
    }
}

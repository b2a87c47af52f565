package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerCommandTest {

    private final FakeGovernor governor = new FakeGovernor();

    SchedulerCommandTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void status_shows_the_queue_with_predictions() {
        governor.answer("GET", "/api/scheduler/status", 200,
                "{\"queued\":1,\"resumesLastMinute\":2,\"resumesPerMinute\":10,\"passIntervalSeconds\":10}")
                .answer("GET", "/api/scheduler/queue", 200, """
                        [{"taskId":"t-1","projectId":"p-1","tier":2,"queuedAt":"2026-11-29T10:00:00Z",
                          "usedTokens":900,"tokenBudget":1000,"prediction":"AT_WINDOW_RESET",
                          "predictedResumeAt":"2026-11-30T00:00:00Z"}]""");

        CliRun run = CliRun.of("scheduler", "status", "--server", governor.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 queued; 2 of 10 resumes").contains("AT_WINDOW_RESET")
                .contains("2026-11-30T00:00:00Z").contains("900/1000");
    }

    @Test
    void resume_sends_exactly_the_target_and_force() throws Exception {
        governor.answer("POST", "/api/scheduler/resume", 200,
                "[{\"taskId\":\"t-1\",\"resumed\":false,\"reason\":\"the task has spent its budget\"}]");

        CliRun run = CliRun.of("scheduler", "resume", "--server", governor.url(), "--task", "t-1", "--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode body = new ObjectMapper().readTree(governor.onlyRequest().body());
        assertThat(body.get("taskId").asText()).isEqualTo("t-1");
        assertThat(body.get("force").asBoolean()).isTrue();
        assertThat(body.has("all")).isFalse();
        assertThat(run.out()).contains("spent its budget");
    }

    @Test
    void resume_needs_exactly_one_target() {
        CliRun none = CliRun.of("scheduler", "resume", "--server", governor.url());
        CliRun two = CliRun.of("scheduler", "resume", "--server", governor.url(), "--task", "a", "--all");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(governor.received()).isEmpty();
    }

    @Test
    void estimate_prints_the_estimate_and_its_expected_error() {
        governor.answer("GET", "/api/estimate?complexity=COMPLEX&agentType=coder", 200,
                "{\"estimate\":2100,\"p75\":2400,\"samples\":5,\"source\":\"HISTORY\",\"expectedError\":0.12}");

        CliRun run = CliRun.of("estimate", "--server", governor.url(), "--complexity", "complex", "--agent-type",
                "coder");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Estimate 2100 tokens ± 12 %").contains("5 samples, from history");
    }
}

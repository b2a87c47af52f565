package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {

    private static final String PROJECT = """
            {"id":"p-1","name":"x","thresholds":{"default":0.85,"min":0.6,"max":0.95}}""";

    private final FakeGovernor governor = new FakeGovernor();

    ConfigCommandTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void setting_a_projects_threshold_patches_only_the_given_bounds() throws Exception {
        governor.answer("PATCH", "/api/projects/p-1", 200, PROJECT);

        CliRun run = CliRun.of("config", "--server", governor.url(), "--api-key", "k", "--project", "p-1",
                "--adaptive-threshold", "0.85", "--min", "0.6");

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakeGovernor.Received patch = governor.onlyRequest();
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.header("Authorization")).isEqualTo("Bearer k");
        JsonNode body = new ObjectMapper().readTree(patch.body());
        assertThat(body.get("threshold").asDouble()).isEqualTo(0.85);
        assertThat(body.get("thresholdMin").asDouble()).isEqualTo(0.6);
        assertThat(body.has("thresholdMax")).isFalse();
        assertThat(run.out()).contains("default").contains("0.85");
    }

    @Test
    void without_a_project_a_threshold_change_is_a_usage_error_that_says_how() {
        CliRun run = CliRun.of("config", "--server", governor.url(), "--adaptive-threshold", "0.8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("GOVERNOR_THRESHOLD_DEFAULT").contains("--project");
        assertThat(governor.received()).isEmpty();
    }

    @Test
    void without_options_it_shows_the_server_settings() {
        governor.answer("GET", "/api/config", 200, """
                {"thresholds":{"default":0.9,"min":0.5,"max":0.95},"checkpointGraceSeconds":60}""");

        CliRun run = CliRun.of("config", "--server", governor.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("thresholds.default").contains("0.9").contains("checkpointGraceSeconds");
    }

    @Test
    void a_refused_bound_prints_the_servers_detail() {
        governor.answer("PATCH", "/api/projects/p-1", 400, """
                {"type":"https://tokengovernor.io/problems/validation","title":"Invalid Request","status":400,
                 "detail":"threshold: thresholds must satisfy 0 < min <= default <= max <= 1"}""");

        CliRun run = CliRun.of("config", "--server", governor.url(), "--project", "p-1", "--min", "0.99");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("min <= default");
    }
}

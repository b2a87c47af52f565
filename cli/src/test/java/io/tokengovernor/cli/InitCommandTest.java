package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11";

    @TempDir
    Path project;

    @Test
    void inspect_reads_project_config_and_writes_the_plan() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":30,"apiCalls":40,"taskComplexity":"COMPLEX","repository":"octocat/demo"}""");

        CliRun run = CliRun.of("init", "--inspect", "--dir", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(project.resolve("workflow_plan.json").toFile());
        assertThat(plan.at("/inspection/source").asText()).isEqualTo("PROJECT_CONFIG");
        assertThat(plan.at("/allocation/agents").asInt()).isEqualTo(3);
        assertThat(plan.get("agents")).hasSize(3);
        assertThat(plan.get("repository").asText()).isEqualTo("octocat/demo");
        assertThat(plan.get("estimateSource").asText()).isEqualTo("HEURISTIC");
        long sum = 0;
        for (JsonNode agent : plan.get("agents")) {
            sum += agent.get("estimatedTokens").asLong();
            assertThat(agent.get("callsPerMinute").asInt()).isEqualTo(5);
        }
        assertThat(plan.get("estimatedTokens").asLong()).isEqualTo(sum);
        assertThat(run.out()).contains("Read project_config.json: 30 files, 40 API calls").contains("3 agents")
                .contains("simulation-1").contains("not stored");
    }

    @Test
    void without_a_config_the_working_tree_is_counted_and_the_user_is_told() throws IOException {
        for (int i = 0; i < 12; i++) {
            Files.writeString(project.resolve("src" + i + ".java"), "class A" + i + " {}");
        }
        for (String ignored : new String[] {".git/objects/x", "target/classes/A.class", "node_modules/p/index.js"}) {
            Files.createDirectories(project.resolve(ignored).getParent());
            Files.writeString(project.resolve(ignored), "x");
        }

        CliRun run = CliRun.of("init", "--inspect", "--dir", project.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.at("/inspection/source").asText()).isEqualTo("WORKING_TREE");
        assertThat(plan.at("/inspection/fileCount").asLong()).isEqualTo(12);
        assertThat(plan.at("/inspection/apiCalls").asLong()).isEqualTo(24);
        assertThat(plan.at("/allocation/agents").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(project.resolve("workflow_plan.json").toFile())).isEqualTo(plan);
    }

    @Test
    void an_invalid_config_names_each_bad_field_and_writes_nothing() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":-3,"apiCalls":"many","taskComplexity":"COMPLEX","colour":"blue"}""");

        CliRun run = CliRun.of("init", "--inspect", "--dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_FILE.code());
        assertThat(run.err()).contains("fileCount:").contains("apiCalls:").contains("colour:");
        assertThat(project.resolve("workflow_plan.json")).doesNotExist();
    }

    @Test
    void a_named_config_that_does_not_exist_is_a_usage_error() {
        CliRun run = CliRun.of("init", "--inspect", project.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("No such file");
    }

    @Test
    void with_a_project_the_estimates_come_from_the_server_and_the_plan_is_stored() throws IOException {
        Files.writeString(project.resolve("project_config.json"), """
                {"fileCount":3,"apiCalls":2,"taskComplexity":"VERY_COMPLEX"}""");
        try (FakeGovernor server = new FakeGovernor()) {
            server.answer("GET", "/api/estimate?complexity=SIMPLE&agentType=setup&projectId=" + PROJECT, 200,
                    "{\"estimate\":900}");
            server.answer("GET", "/api/estimate?complexity=SIMPLE&agentType=pr&projectId=" + PROJECT, 200,
                    "{\"estimate\":400}");
            server.answer("GET", "/api/estimate?complexity=VERY_COMPLEX&agentType=simulation&projectId=" + PROJECT,
                    200, "{\"estimate\":12000}");
            server.answer("POST", "/api/projects/" + PROJECT + "/plans", 201,
                    "{\"projectId\":\"" + PROJECT + "\",\"version\":4,\"createdAt\":\"2026-12-05T08:00:00Z\"}");

            CliRun run = CliRun.withEnvironment(Map.of("TOKEN_GOV_URL", server.url(), "TOKEN_GOV_API_KEY", "k"),
                    "init", "--inspect", "--dir", project.toString(), "--project", PROJECT);

            assertThat(run.exitCode()).as(run.err()).isZero();
            FakeGovernor.Received post = server.received().stream().filter(r -> r.method().equals("POST"))
                    .findFirst().orElseThrow();
            JsonNode sent = JSON.readTree(post.body());
            // one agent: setup 900 + two PRs of 400 + two work tasks of 12,000
            assertThat(sent.at("/agents/0/estimatedTokens").asLong()).isEqualTo(900 + 2 * 400 + 2 * 12_000);
            assertThat(sent.get("estimateSource").asText()).isEqualTo("SERVER");
            assertThat(post.header("Authorization")).isEqualTo("Bearer k");
            assertThat(run.out()).contains("stored as version 4");
            assertThat(JSON.readTree(project.resolve("workflow_plan.json").toFile()).get("version").asInt())
                    .isEqualTo(4);
        }
    }

    @Test
    void prints_the_schema_of_project_config() throws IOException {
        CliRun run = CliRun.of("init", "--schema");

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).at("/properties/fileCount/type").asText()).isEqualTo("integer");
    }
}

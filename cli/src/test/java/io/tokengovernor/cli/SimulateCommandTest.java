package io.tokengovernor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.usage.ClaudeLogCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path claude;

    private Map<String, String> environment;

    @BeforeEach
    void writeCorpus() {
        new ClaudeLogCorpus(claude, 7, 50).writeEdgeCaseCorpus();
        environment = Map.of("CLAUDE_CONFIG_DIR", claude.toString());
    }

    private JsonNode simulate(String... policy) throws Exception {
        List<String> args = new ArrayList<>(List.of("--json", "simulate", "--ccusage"));
        args.addAll(List.of(policy));
        CliRun run = CliRun.withEnvironment(environment, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return json.readTree(run.out());
    }

    private static long sum(JsonNode timeline, String field) {
        return StreamSupport.stream(timeline.spliterator(), false).mapToLong(day -> day.get(field).asLong()).sum();
    }

    @Test
    void with_budgets_nobody_reaches_there_is_nothing_to_govern() throws Exception {
        JsonNode report = simulate("--task-budget", "1000000000000", "--project-budget", "1000000000000");

        assertThat(report.get("calls").asLong()).isPositive();
        assertThat(report.get("tasks").asInt()).as("12 sessions; sub-agent files count for their session")
                .isEqualTo(12);
        assertThat(report.get("checkpoints").asInt()).isZero();
        assertThat(report.get("pauses").asInt()).isZero();
        assertThat(report.get("overshootPreventedTokens").asLong()).isZero();
        assertThat(report.get("worstOvershoot").isNull()).isTrue();
        assertThat(sum(report.get("timeline"), "tokens")).isEqualTo(report.get("tokens").asLong());
    }

    @Test
    void a_tight_project_budget_pauses_tasks_that_resume_after_window_resets_and_counts_agree() throws Exception {
        long total = simulate("--task-budget", "1000000000000").get("tokens").asLong();

        JsonNode report = simulate("--project-budget", "400000", "--window", "rolling_5h", "--timezone", "UTC");

        int pauses = report.get("pauses").asInt();
        assertThat(pauses).isPositive();
        assertThat(report.get("resumes").asInt()).isPositive().isLessThanOrEqualTo(pauses);
        assertThat(report.get("checkpoints").asInt()).isGreaterThanOrEqualTo(pauses);
        assertThat(report.get("tokens").asLong() + report.get("overshootPreventedTokens").asLong())
                .as("every call is either spent or held back").isEqualTo(total);
        assertThat(report.get("worstOvershoot").get("tokens").asLong())
                .isPositive().isLessThanOrEqualTo(report.get("overshootPreventedTokens").asLong());
        JsonNode timeline = report.get("timeline");
        assertThat(sum(timeline, "pauses")).isEqualTo(pauses);
        assertThat(sum(timeline, "resumes")).isEqualTo(report.get("resumes").asLong());
        assertThat(sum(timeline, "checkpoints")).isEqualTo(report.get("checkpoints").asLong());
        assertThat(report.get("policy").get("window").asText()).isEqualTo("ROLLING_5H");
    }

    @Test
    void the_table_shows_the_summary_and_a_timeline_row_per_day() {
        CliRun run = CliRun.withEnvironment(environment, "simulate", "--ccusage", "--task-budget", "400000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Checkpoints requested", "Pauses", "Tokens past budget without governance",
                "Worst overshoot", "DATE", "CHECKPOINTS");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("20\\d\\d-\\d\\d-\\d\\d\\s+\\d+.*"));
    }

    @Test
    void a_policy_file_gives_the_budgets_and_flags_override_it() throws Exception {
        Path policy = Files.writeString(claude.resolve("policy.json"),
                "{\"taskBudget\": 400000, \"window\": \"DAILY\", \"scheduler\": {\"safetyFactor\": 1.5}}");

        JsonNode report = simulate("--policy", policy.toString(), "--safety-factor", "1.1");

        assertThat(report.get("policy").get("taskBudget").asLong()).isEqualTo(400_000);
        assertThat(report.get("policy").get("window").asText()).isEqualTo("DAILY");
        assertThat(report.get("policy").get("scheduler").get("safetyFactor").asDouble()).isEqualTo(1.1);
    }

    @Test
    void a_bad_policy_file_is_a_usage_error_that_lists_every_problem() throws Exception {
        Path policy = Files.writeString(claude.resolve("policy.json"),
                "{\"taskBudget\": -1, \"window\": \"hourly\"}");

        CliRun run = CliRun.withEnvironment(environment, "simulate", "--ccusage", "--policy", policy.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).startsWith("error: invalid policy:").contains("taskBudget:", "window:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_policy_without_a_budget_or_without_logs_is_a_usage_error() {
        CliRun noBudget = CliRun.withEnvironment(environment, "simulate", "--ccusage");
        CliRun noLogs = CliRun.withEnvironment(Map.of("CLAUDE_CONFIG_DIR", claude.resolve("nowhere").toString()),
                "simulate", "--ccusage", "--task-budget", "1000");

        assertThat(noBudget.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noBudget.err()).contains("--task-budget");
        assertThat(noLogs.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noLogs.err()).startsWith("error:");
    }
}

package io.tokengovernor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.usage.ClaudeLogCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class OptimizeCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path claude;

    private Map<String, String> environment;

    @BeforeEach
    void writeCorpus() {
        new ClaudeLogCorpus(claude, 7, 50).writeEdgeCaseCorpus();
        environment = Map.of("CLAUDE_CONFIG_DIR", claude.toString());
    }

    @Test
    void optimize_picks_the_setting_with_fewest_pauses_among_those_without_overshoot() throws Exception {
        CliRun run = CliRun.withEnvironment(environment, "--json", "optimize", "--ccusage", "--task-budget", "3000000",
                "--window", "ROLLING_5H", "--checkpoint-grace", "600");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        JsonNode best = result.get("best");
        JsonNode trials = result.get("trials");
        assertThat(trials).hasSize(110);
        assertThat(result.get("zeroOvershootReached").asBoolean()).isTrue();
        assertThat(best.get("overshootTokens").asLong()).isZero();
        assertThat(StreamSupport.stream(trials.spliterator(), false)
                .filter(trial -> trial.get("overshootTokens").asLong() == 0)
                .mapToInt(trial -> trial.get("pauses").asInt()).min().orElseThrow())
                .isEqualTo(best.get("pauses").asInt());
        assertThat(StreamSupport.stream(trials.spliterator(), false))
                .as("some setting overshoots, so the choice matters")
                .anySatisfy(trial -> assertThat(trial.get("overshootTokens").asLong()).isPositive());
    }

    @Test
    void the_table_names_the_best_setting_and_shows_the_trade_offs() {
        CliRun run = CliRun.withEnvironment(environment, "optimize", "--ccusage", "--task-budget", "3000000",
                "--window", "ROLLING_5H", "--checkpoint-grace", "600");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("Best setting (fewest pauses with zero overshoot):");
        assertThat(run.outLines().get(1)).matches("  --threshold 0\\.\\d\\d --safety-factor \\d\\.\\d\\d .*");
        assertThat(run.out()).contains("THRESHOLD", "SAFETY", "OVERSHOOT");
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\s*0\\.\\d\\d\\s+\\d\\.\\d\\d\\s.*")).hasSize(110);
    }

    @Test
    void when_single_calls_outgrow_the_budget_no_setting_avoids_overshoot_and_optimize_says_so() throws Exception {
        CliRun table = CliRun.withEnvironment(environment, "optimize", "--ccusage", "--task-budget", "400000");
        CliRun document = CliRun.withEnvironment(environment, "--json", "optimize", "--ccusage", "--task-budget",
                "400000");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.outLines().get(0)).isEqualTo("No setting avoids overshoot; the least overshoot is:");
        JsonNode result = json.readTree(document.out());
        assertThat(result.get("zeroOvershootReached").asBoolean()).isFalse();
        long least = StreamSupport.stream(result.get("trials").spliterator(), false)
                .mapToLong(trial -> trial.get("overshootTokens").asLong()).min().orElseThrow();
        assertThat(result.get("best").get("overshootTokens").asLong()).isPositive().isEqualTo(least);
    }
}

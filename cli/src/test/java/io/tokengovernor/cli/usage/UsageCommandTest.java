package io.tokengovernor.cli.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.cli.TokenGov;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code token-gov usage} as a user runs it: exit codes, tables, errors. */
class UsageCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void writeLogs() {
        new ClaudeLogCorpus(home.resolve("claude"), 7, 50).writeEdgeCaseCorpus();
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run run(Map<String, String> environment, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TokenGov.commandLine(new TokenGov(Map.of()), new PrintWriter(out), new PrintWriter(err));
        ((UsageCommand) commandLine.getSubcommands().get("usage").getCommand()).environment(environment).clock(clock);
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of("CLAUDE_CONFIG_DIR", home.resolve("claude").toString(), "HOME", home.toString()), Clock.systemUTC(), args);
    }

    @Test
    void theDailyTableHasATotalsRowAndNamesUnpricedModels() {
        Run run = run("usage", "daily", "--timezone", "UTC");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Claude Code Token Usage Report - Daily", "│ Total", "2026-03-28", "$");
        assertThat(run.err()).contains("No price for acme-model-x1");
    }

    @Test
    void theBreakdownAddsARowPerModel() {
        assertThat(run("usage", "monthly", "--breakdown", "-z", "UTC").out()).contains("└─", "sonnet-4", "2026-03");
    }

    @Test
    void jsonIsTheGlobalFlagAndMayStandAnywhere() {
        assertThat(run("--json", "usage", "session").out()).startsWith("{\n  \"sessions\": [");
        assertThat(run("usage", "weekly", "--json").out()).startsWith("{\n  \"totals\": {");
    }

    @Test
    void aBadDayIsAUsageError() {
        Run run = run("usage", "daily", "--since", "last week");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--since must be YYYYMMDD or YYYY-MM-DD");
    }

    @Test
    void aConfiguredFolderWithoutLogsIsReportedNotIgnored() {
        Run run = run(Map.of("CLAUDE_CONFIG_DIR", home.resolve("nowhere").toString(), "HOME", home.toString()), Clock.systemUTC(),
                "usage", "daily", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: No valid Claude data directories found in CLAUDE_CONFIG_DIR");
    }

    @Test
    void verboseCountsTheLinesThatWereSkipped() {
        assertThat(run("usage", "daily", "--verbose", "--json").err()).containsPattern("skipped \\d+ usage line");
    }

    @Test
    void blocksShowTheActiveBlockAgainstAFixedClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-28T20:40:00Z"), ZoneOffset.UTC);
        Run run = run(Map.of("CLAUDE_CONFIG_DIR", home.resolve("claude").toString(), "HOME", home.toString()), clock,
                "usage", "blocks", "--active", "--json", "--token-limit", "1000");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"isActive\": true", "\"projection\": {", "\"tokenLimitStatus\": {");
    }

    @Test
    void theLiveViewDrawsTheActiveBlockWithABarAgainstTheLimit() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-28T20:40:00Z"), ZoneOffset.UTC);
        StringWriter out = new StringWriter();
        ReportOptions options = new ReportOptions();
        options.mode = io.tokengovernor.core.pricing.CostMode.AUTO;
        options.order = ReportOptions.Order.ASC;
        options.timezone = "UTC";
        LiveBlockView view = new LiveBlockView(io.tokengovernor.core.claudelog.LogFolders.of(home.resolve("claude")),
                options, 5, "100000000", clock, new PrintWriter(out));

        view.refresh();
        String frame = view.frame();
        view.refresh(); // nothing appended: nothing read twice
        
        assertThat(frame).contains("Tokens", "Burn rate", "Projected", "█", "of 100,000,000");
        assertThat(view.frame()).isEqualTo(frame);
    }
}

package io.tokengovernor.cli.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.TokenGov;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code token-gov usage … --json} prints what ccusage 20.0.24 prints, byte for byte, on a generated
 * log folder holding every edge case of the log format, in several time zones.
 */
class CcusageParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static Ccusage ccusage;
    private static Path logs;

    @BeforeAll
    static void writeLogs() throws Exception {
        ccusage = Ccusage.locate();
        logs = home.resolve("claude");
        Files.createDirectories(logs);
        new ClaudeLogCorpus(logs, 42, 300).writeEdgeCaseCorpus();
        // a second folder in CLAUDE_CONFIG_DIR: duplicates across roots are still duplicates
        Path second = home.resolve("claude-other");
        new ClaudeLogCorpus(second, 43, 100).writeEdgeCaseCorpus();
    }

    static Stream<Arguments> reports() {
        List<Arguments> cases = new ArrayList<>();
        for (String zone : List.of("UTC", "Asia/Tokyo", "America/New_York")) {
            cases.add(Arguments.of(zone, List.of("daily")));
            cases.add(Arguments.of(zone, List.of("weekly")));
            cases.add(Arguments.of(zone, List.of("monthly")));
            cases.add(Arguments.of(zone, List.of("session")));
            cases.add(Arguments.of(zone, List.of("blocks")));
        }
        String zone = "Europe/Berlin"; // summer time starts on 2026-03-29, inside the corpus
        cases.add(Arguments.of(zone, List.of("daily", "--order", "desc")));
        cases.add(Arguments.of(zone, List.of("daily", "--since", "20260329", "--until", "2026-03-30")));
        cases.add(Arguments.of(zone, List.of("daily", "--mode", "calculate")));
        cases.add(Arguments.of(zone, List.of("daily", "--mode", "display")));
        cases.add(Arguments.of(zone, List.of("weekly", "--start-of-week", "monday", "--order", "desc")));
        cases.add(Arguments.of(zone, List.of("monthly", "--mode", "calculate")));
        cases.add(Arguments.of(zone, List.of("session", "--since", "20260329", "--until", "20260330")));
        cases.add(Arguments.of(zone, List.of("session", "--mode", "display")));
        cases.add(Arguments.of(zone, List.of("blocks", "--order", "desc", "--token-limit", "max")));
        cases.add(Arguments.of(zone, List.of("blocks", "--since", "20260329", "--session-length", "3")));
        cases.add(Arguments.of(zone, List.of("blocks", "--recent")));
        cases.add(Arguments.of(zone, List.of("blocks", "--active")));
        cases.add(Arguments.of(zone, List.of("session", "--order", "asc")));
        cases.add(Arguments.of(zone, List.of("weekly", "--start-of-week", "wednesday")));
        cases.add(Arguments.of(zone, List.of("monthly", "--since", "20260401", "--mode", "display")));
        cases.add(Arguments.of("Asia/Kolkata", List.of("daily", "--mode", "calculate", "--order", "desc")));
        cases.add(Arguments.of("Pacific/Chatham", List.of("blocks", "--until", "20260330")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("reports")
    void printsTheSameJsonAsCcusage(String zone, List<String> report) throws Exception {
        String roots = logs + "," + home.resolve("claude-other");
        Map<String, String> environment = Map.of("CLAUDE_CONFIG_DIR", roots, "HOME", home.toString(), "TZ", zone);

        List<String> reference = new ArrayList<>();
        if (!report.get(0).equals("blocks")) {
            reference.add("claude");
        }
        reference.addAll(report);
        reference.addAll(List.of("--json", "--timezone", zone));
        String expected = ccusage.run(environment, reference);

        String actual = tokenGov(environment, report, zone);

        JsonNode expectedTree = JSON.readTree(expected);
        assertThat(JSON.readTree(actual)).isEqualTo(expectedTree);
        assertThat(actual).as("number formatting and key order").isEqualTo(expected);
    }

    private static String tokenGov(Map<String, String> environment, List<String> report, String zone) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TokenGov.commandLine(new TokenGov(Map.of()), new PrintWriter(out), new PrintWriter(err));
        ((UsageCommand) commandLine.getSubcommands().get("usage").getCommand()).environment(environment);
        List<String> args = new ArrayList<>(List.of("usage"));
        args.addAll(report);
        args.addAll(List.of("--json", "--timezone", zone));
        int exit = commandLine.execute(args.toArray(String[]::new));
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }
}

package io.tokengovernor.cli.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.TokenGov;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Differential test against the real ccusage 20.0.24: on random log folders ({@link RandomLogCorpus}, a new
 * set of seeds each run) every report, with options drawn from the same seed, prints the same JSON as
 * ccusage, in six time zones. A failing corpus is named by its seed; {@code -Dusage.seed=N} replays it
 * ({@code -Dusage.corpora=K} runs K corpora from N on, e.g. to search longer).
 */
class CcusageDifferentialTest {

    private static final int CORPORA = 100;
    private static final String[] ZONES = {"UTC", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin",
        "Pacific/Chatham"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Ccusage ccusage;
    // ccusage runs as processes while token-gov runs in this JVM: two cores, several processes in flight
    private static ExecutorService processes;

    @TempDir
    static Path home;

    @BeforeAll
    static void locateCcusage() {
        ccusage = Ccusage.locate();
        processes = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopProcesses() {
        if (processes != null) {
            processes.shutdownNow();
        }
    }

    @Test
    void every_report_prints_what_ccusage_prints_on_random_logs() throws Exception {
        String replay = System.getProperty("usage.seed");
        long first = replay != null ? Long.parseLong(replay) : new SecureRandom().nextInt(Integer.MAX_VALUE);
        int corpora = Integer.getInteger("usage.corpora", replay != null ? 1 : CORPORA);
        System.out.printf("differential test: %d corpora, seeds %d to %d%n", corpora, first, first + corpora - 1);

        List<String> differences = new ArrayList<>();
        int comparisons = 0;
        for (long seed = first; seed < first + corpora; seed++) {
            List<String> found = new ArrayList<>();
            comparisons += compare(seed, found);
            if (!found.isEmpty()) {
                differences.add("seed " + seed + " (replay: -Dusage.seed=" + seed + ")\n    " + String.join("\n    ", found));
            }
        }
        System.out.printf("differential test: %d comparisons, %d corpora differ%n", comparisons, differences.size());
        assertThat(differences).as("token-gov and ccusage %s printed different JSON", Ccusage.VERSION).isEmpty();
    }

    /** Writes the corpus of {@code seed}, runs its reports through both tools; returns how many were compared. */
    private static int compare(long seed, List<String> differences) throws Exception {
        Random random = new Random(seed);
        Path corpus = home.resolve(Long.toString(seed));
        List<Path> roots = List.of(corpus.resolve("claude-a"), corpus.resolve("claude-b"));
        new RandomLogCorpus(seed, roots).write();
        String zone = ZONES[(int) Math.floorMod(seed, (long) ZONES.length)];
        String configured = random.nextBoolean() ? roots.get(0) + "," + roots.get(1) : roots.get(1) + "," + roots.get(0);
        Map<String, String> environment = Map.of("CLAUDE_CONFIG_DIR", configured, "HOME", corpus.toString(), "TZ", zone);

        List<List<String>> reports = ReportDraw.reports(random, zone);
        List<Future<String>> expected = new ArrayList<>();
        for (List<String> report : reports) {
            expected.add(processes.submit(() -> ccusage.run(environment, ReportDraw.asCcusage(report))));
        }
        for (int i = 0; i < reports.size(); i++) {
            String actual = tokenGov(environment, reports.get(i));
            String reference = expected.get(i).get();
            String difference = JsonDifference.between(JSON.readTree(reference), JSON.readTree(actual));
            if (difference == null && !reference.equals(actual)) {
                difference = "same values, different text (number format or key order)";
            }
            if (difference != null) {
                differences.add("usage " + String.join(" ", reports.get(i)) + ": " + difference);
            }
        }
        return reports.size();
    }

    private static String tokenGov(Map<String, String> environment, List<String> report) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TokenGov.commandLine(new TokenGov(Map.of()), new PrintWriter(out), new PrintWriter(err));
        ((UsageCommand) commandLine.getSubcommands().get("usage").getCommand()).environment(environment);
        List<String> args = new ArrayList<>(List.of("usage"));
        args.addAll(report);
        int exit = commandLine.execute(args.toArray(String[]::new));
        assertThat(exit).as("exit code of usage %s; stderr: %s", report, err).isZero();
        return out.toString();
    }

    /** The first place where two JSON documents differ, as a path and both values, or {@code null}. */
    static final class JsonDifference {

        private JsonDifference() {
        }

        static String between(JsonNode expected, JsonNode actual) {
            return at("$", expected, actual);
        }

        private static String at(String path, JsonNode expected, JsonNode actual) {
            if (expected.equals(actual)) {
                return null;
            }
            if (expected.isObject() && actual.isObject()) {
                for (var names = expected.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!actual.has(name)) {
                        return path + "." + name + ": only ccusage has it";
                    }
                    String inner = at(path + "." + name, expected.get(name), actual.get(name));
                    if (inner != null) {
                        return inner;
                    }
                }
                return path + ": token-gov has more keys";
            }
            if (expected.isArray() && actual.isArray()) {
                for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                    String inner = at(path + "[" + i + "]", expected.get(i), actual.get(i));
                    if (inner != null) {
                        return inner;
                    }
                }
                return path + ": ccusage has " + expected.size() + " elements, token-gov " + actual.size();
            }
            return path + ": ccusage " + expected + ", token-gov " + actual;
        }
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.SchedulerApi.DEFAULT_RULES;
import static io.tokengovernor.system.SchedulerApi.putRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token-gov simulate --ccusage} on a generated Claude Code log corpus gives the same counts as sending the
 * same calls to the real server, one by one at their own times (by the server's adjustable clock), the way a
 * governed agent would: reserve the call's tokens, spend them when granted (or while a checkpoint grace runs),
 * report the usage, and stop while paused.
 */
class SimulationParityIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("governor.launcher", "../token-gov"));
    private static final String RULES = """
            {"resumesPerMinute":2,"safetyFactor":1.2,"agingHoursPerTier":6,"backfill":true,
             "maxProjectShare":1.0,"passIntervalSeconds":1800}""";
    private static final long PROJECT_BUDGET = 2_500_000;
    private static final int SESSIONS = 5;

    @TempDir
    Path claude;

    @AfterEach
    void runOnAndRestoreRules() {
        ServerClock.release();
        assertThat(putRules(DEFAULT_RULES).status()).isEqualTo(200);
    }

    @Test
    void simulate_counts_what_the_server_does_with_the_same_calls() throws Exception {
        ServerClock.ensureAdjustable();
        JsonNode config = get("/api/config").json();
        assertThat(config.get("windowZone").asText()).as("the corpus is dated in UTC").isEqualTo("UTC");
        Instant start = ServerClock.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
        List<Call> calls = writeCorpus(start, new Random(20261129));

        JsonNode simulated = simulate(config);
        Outcome served = serve(calls);

        assertThat(simulated.get("calls").asInt()).isEqualTo(calls.size());
        assertThat(served.counts()).as("server (actual) and simulate (expected) on the same calls")
                .isEqualTo(Map.of("checkpoints", simulated.get("checkpoints").asLong(),
                        "pauses", simulated.get("pauses").asLong(),
                        "resumes", simulated.get("resumes").asLong(),
                        "tokens", simulated.get("tokens").asLong(),
                        "overshootTokens", simulated.get("overshootTokens").asLong(),
                        "overshootPreventedTokens", simulated.get("overshootPreventedTokens").asLong()));
        assertThat(served.pauses).as("the corpus makes the governor work").isGreaterThanOrEqualTo(5);
        assertThat(served.resumes).isGreaterThanOrEqualTo(3);
        assertThat(served.checkpoints).isGreaterThanOrEqualTo(served.pauses);
        assertThat(served.prevented).isPositive();
    }

    /**
     * Five sessions of one project over three days, a call every 4 to 40 minutes, 6,000 to 60,000 tokens each:
     * about three times what a 2.5 M daily budget allows. Times are unique to the millisecond.
     */
    private List<Call> writeCorpus(Instant start, Random random) throws IOException {
        Instant end = start.plus(Duration.ofHours(62));
        List<Call> calls = new ArrayList<>();
        Path folder = claude.resolve("projects/-home-dev-parity");
        Files.createDirectories(folder);
        for (int s = 0; s < SESSIONS; s++) {
            String session = UUID.nameUUIDFromBytes(("parity-" + s + "-" + start).getBytes(StandardCharsets.UTF_8))
                    .toString();
            StringBuilder log = new StringBuilder();
            Instant at = start.plus(Duration.ofMinutes(17L * s)).plusMillis(s + 1);
            for (int n = 0; at.isBefore(end); n++) {
                long input = 500 + random.nextInt(3_000);
                long output = 200 + random.nextInt(2_000);
                long creation = random.nextInt(8_000);
                long read = 5_000 + random.nextInt(45_000);
                Call call = new Call(at, session, "msg_" + session + "_" + n, "req_" + session + "_" + n, input, output,
                        creation, read);
                calls.add(call);
                log.append(call.logLine()).append('\n');
                at = at.plusSeconds(240 + random.nextInt(2_160));
            }
            Files.writeString(folder.resolve(session + ".jsonl"), log);
        }
        calls.sort(Comparator.comparing(Call::at));
        return calls;
    }

    private JsonNode simulate(JsonNode config) throws Exception {
        JsonNode thresholds = config.get("thresholds");
        Path policy = claude.resolve("policy.json");
        Files.writeString(policy, """
                {"projectBudget":%d,"window":"DAILY","timezone":"UTC","threshold":%s,"thresholdMin":%s,
                 "thresholdMax":%s,"checkpointGraceSeconds":%d,"scheduler":%s}""".formatted(PROJECT_BUDGET,
                thresholds.get("default").asText(), thresholds.get("min").asText(), thresholds.get("max").asText(),
                config.get("checkpointGraceSeconds").asLong(), RULES));
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "--json", "simulate",
                "--ccusage", "--policy", policy.toString());
        builder.environment().put("CLAUDE_CONFIG_DIR", claude.toString());
        Path out = Files.createTempFile("simulate", ".out");
        Process process = builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("simulate finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return GovernorApi.JSON.readTree(Files.readString(out));
    }

    /** The calls through the server as a governed agent makes them; what the server then counted. */
    private Outcome serve(List<Call> calls) {
        String projectId = newId();
        ServerClock.moveTo(calls.get(0).at(), true);
        assertThat(putRules(RULES).status()).as("the timer ticks from the first call").isEqualTo(200);
        Answer project = post("/api/projects/register", """
                {"id":"%s","name":"parity","owner":"o","tier":2,"tokenBudget":%d,"budgetWindow":"DAILY"}"""
                .formatted(projectId, PROJECT_BUDGET));
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        Set<String> tasks = new LinkedHashSet<>();
        Outcome outcome = new Outcome();
        Map<LocalDate, Long> spentPerDay = new HashMap<>();
        for (Call call : calls) {
            ServerClock.moveTo(call.at(), true);
            if (tasks.add(call.session())) {
                register(projectId, call.session());
            }
            String state = get("/api/tasks/" + call.session()).json().get("state").asText();
            if (state.equals("PAUSED") || state.equals("QUEUED")) {
                outcome.prevented += call.tokens();
                continue;
            }
            Answer reservation = post("/api/tasks/" + call.session() + "/reservations",
                    "{\"tokens\":%d}".formatted(call.tokens()));
            assertThat(reservation.status()).as(reservation.body()).isIn(200, 201);
            JsonNode answer = reservation.json();
            if (!answer.get("granted").asBoolean() && answer.get("directive").get("action").asText().equals("PAUSE")) {
                outcome.prevented += call.tokens();
                continue;
            }
            report(call, answer.get("granted").asBoolean() ? answer.get("reservationId").asText() : null);
            spentPerDay.merge(call.at().atZone(ZoneOffset.UTC).toLocalDate(), call.tokens(), Long::sum);
        }
        JsonNode clock = get("/api/clock").json();
        if (clock.has("graceRunningUntil")) {
            ServerClock.moveTo(Instant.parse(clock.get("graceRunningUntil").asText()), true);
        }
        for (String taskId : tasks) {
            JsonNode task = get("/api/tasks/" + taskId).json();
            for (JsonNode transition : task.get("transitions")) {
                String move = transition.path("from").asText() + ">" + transition.get("to").asText();
                outcome.pauses += transition.get("to").asText().equals("PAUSED") ? 1 : 0;
                outcome.resumes += move.equals("QUEUED>RUNNING") ? 1 : 0;
            }
            outcome.checkpoints += get("/api/tasks/" + taskId + "/checkpoints").json().size();
        }
        outcome.tokens = get("/api/projects/" + projectId).json().get("usedTokens").asLong();
        outcome.overshoot = spentPerDay.values().stream().mapToLong(day -> Math.max(0, day - PROJECT_BUDGET)).sum();
        return outcome;
    }

    private static void register(String projectId, String taskId) {
        Answer task = post("/api/tasks/register", """
                {"id":"%s","projectId":"%s","tokenBudget":1000000000,"estimatedTokens":3000}"""
                .formatted(taskId, projectId));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        assertThat(post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}")
                .status()).isEqualTo(200);
    }

    private static void report(Call call, String reservationId) {
        Answer usage = post("/api/usage", """
                {"eventId":"%s:%s","taskId":"%s","timestamp":"%s","model":"claude-sonnet-4-5-20250929",
                 "inputTokens":%d,"outputTokens":%d,"cacheCreationTokens":%d,"cacheReadTokens":%d%s}"""
                .formatted(call.messageId(), call.requestId(), call.session(), call.at(), call.input(), call.output(),
                        call.creation(), call.read(),
                        reservationId == null ? "" : ",\"reservationId\":\"" + reservationId + "\""));
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    }

    /** One assistant message of the corpus. */
    private record Call(Instant at, String session, String messageId, String requestId, long input, long output,
            long creation, long read) {

        long tokens() {
            return input + output + creation + read;
        }

        String logLine() {
            return """
                    {"timestamp":"%s","sessionId":"%s","version":"1.0.0","requestId":"%s","type":"assistant",\
                    "message":{"id":"%s","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":%d,\
                    "output_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d}}}"""
                    .formatted(at, session, requestId, messageId, input, output, creation, read);
        }
    }

    /** What the server counted, and what the agent held back. */
    private static final class Outcome {
        long checkpoints;
        long pauses;
        long resumes;
        long tokens;
        long overshoot;
        long prevented;

        Map<String, Long> counts() {
            return Map.of("checkpoints", checkpoints, "pauses", pauses, "resumes", resumes, "tokens", tokens,
                    "overshootTokens", overshoot, "overshootPreventedTokens", prevented);
        }
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.SchedulerApi.DEFAULT_RULES;
import static io.tokengovernor.system.SchedulerApi.putRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.governance.Fact;
import io.tokengovernor.core.governance.GovernanceException;
import io.tokengovernor.core.governance.GovernanceSettings;
import io.tokengovernor.core.governance.Governor;
import io.tokengovernor.core.governance.LiveReservation;
import io.tokengovernor.core.governance.LiveTask;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The governor engine ({@code core.governance.Governor}) decides what the real server decides, command by command:
 * seeded random reservations (granted, refused, preempting tier-2 work), usage with and without a reservation,
 * releases, saved checkpoints, pauses by hand and clock moves across graces and daily windows go to the server and
 * to an engine in the test alike; every answer, every task's state and counters and every directive must agree.
 * Resumes are the scheduler's (not the engine's): after each command a pass runs on the server, and the tasks it
 * resumed are resumed in the engine too. It moves the server's clock by days, so its name sorts it among the suites
 * that do (failsafe runs them alphabetically, after those that need real time).
 */
class ServerEngineParityIT {

    private static final String RULES = """
            {"resumesPerMinute":6000,"safetyFactor":1.2,"agingHoursPerTier":2,"backfill":true,
             "maxProjectShare":1.0,"passIntervalSeconds":3600}""";
    private static final int STEPS = 200;

    private final List<String> tasks = new ArrayList<>();
    /** What the engine did over the run, by kind (a checkpoint request by its reason), to show the run covered it. */
    private final java.util.Map<String, Integer> tally = new java.util.TreeMap<>();
    private Governor engine;
    private String nextReservationId;
    private Instant now;

    @AfterEach
    void restore() {
        ServerClock.release();
        assertThat(putRules(DEFAULT_RULES).status()).isEqualTo(200);
    }

    @Test
    void the_engine_answers_every_command_as_the_server_does() throws Exception {
        ServerProcess.awaitReady(Duration.ofSeconds(180)); // on a loaded machine the application starts late
        ServerClock.ensureAdjustable();
        JsonNode config = get("/api/config").json();
        JsonNode thresholds = config.get("thresholds");
        engine = new Governor(new GovernanceSettings(new ThresholdSettings(thresholds.get("default").asDouble(),
                thresholds.get("min").asDouble(), thresholds.get("max").asDouble()),
                Duration.ofSeconds(config.get("checkpointGraceSeconds").asLong()),
                ZoneId.of(config.get("windowZone").asText())), () -> nextReservationId);
        // hourly ticks first: the move must not stop every 10 s for work other tests left queued
        assertThat(putRules(RULES).status()).isEqualTo(200);
        now = ServerClock.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(20));
        ServerClock.moveTo(now, true);
        register();

        Random random = new Random(20261205);
        for (int step = 0; step < STEPS; step++) {
            move(random.nextInt(7) == 0 ? Duration.ofMinutes(10 + random.nextInt(300)) : Duration.ofSeconds(1));
            String task = tasks.get(random.nextInt(tasks.size()));
            int action = random.nextInt(100);
            String what;
            if (action < 45) {
                what = reserve(task, 300 + random.nextInt(1_700), 30 + random.nextInt(600));
            } else if (action < 78) {
                what = report(task, 100 + random.nextInt(1_900), random.nextInt(4) > 0);
            } else if (action < 84) {
                what = release(task);
            } else if (action < 89) {
                what = checkpoint(task);
            } else if (action < 91) {
                what = pause(task);
            } else if (action < 96) {
                what = resumeByHand(task);
            } else {
                what = raise(task, 1_000 + random.nextInt(4_000));
            }
            compareTasks("step " + step + " (" + what + ")");
            assertThat(post("/api/scheduler/pass", "{}").status()).isEqualTo(200);
            followResumes();
            compareTasks("step " + step + " after the pass");
        }
        assertThat(tally).as("the run makes the governor work: %s", tally)
                .containsKeys("granted", "refused", "PauseDue", "Paused", "Resumed",
                        "ReservationClosed", "CheckpointRequested THRESHOLD", "CheckpointRequested BUDGET")
                .allSatisfy((kind, count) -> assertThat(count).isPositive());
    }

    private <T> T count(Governor.Outcome<T> outcome) {
        for (Fact fact : outcome.facts()) {
            String kind = fact.getClass().getSimpleName();
            tally.merge(fact instanceof Fact.CheckpointRequested requested ? kind + " " + requested.reason() : kind, 1,
                    Integer::sum);
        }
        return outcome.value();
    }

    private void register() {
        String project = newId();
        String taskPackage = newId();
        Answer answer = post("/api/projects/register", """
                {"id":"%s","name":"engine parity","owner":"o","tier":2,"tokenBudget":15000,"budgetWindow":"DAILY"}"""
                .formatted(project));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        engine.project(project, 15_000, BudgetWindow.DAILY, 2, null);
        answer = post("/api/packages/register", "{\"id\":\"%s\",\"projectId\":\"%s\"}".formatted(taskPackage, project));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        engine.taskPackage(taskPackage, project);
        String coder = newId();
        for (int i = 0; i < 5; i++) {
            String id = newId();
            String packageId = i < 2 ? taskPackage : null;
            String agentId = i == 0 || i == 4 ? (i == 0 ? coder : newId()) : null;
            String agentType = agentId == null ? null : "coder";
            Integer tier = i == 3 ? 1 : null;
            long budget = 6_000 + 2_000L * i;
            answer = post("/api/tasks/register", """
                    {"id":"%s","projectId":"%s","packageId":%s,"agentId":%s,"agentType":%s,"tier":%s,\
                    "estimatedTokens":3000,"tokenBudget":%d}""".formatted(id, project, quoted(packageId),
                    quoted(agentId), quoted(agentType), tier, budget));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(post("/api/tasks/" + id + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}").status())
                    .isEqualTo(200);
            engine.task(id, project, packageId, agentId, agentType, tier, 3_000, budget);
            engine.move(id, TaskState.RUNNING);
            tasks.add(id);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** The server's clock moves, stopping where timers act; the engine sweeps at each grace end and at the end. */
    private void move(Duration step) {
        Instant target = now.plus(step);
        ServerClock.moveTo(target, true);
        Instant cursor = now;
        Instant graceEnd;
        while ((graceEnd = engine.nextGraceEnd(cursor).orElse(null)) != null && !graceEnd.isAfter(target)) {
            count(engine.sweep(graceEnd));
            cursor = graceEnd;
        }
        count(engine.sweep(target));
        now = target;
        followResumes();
        compareTasks("after moving the clock to " + target);
    }

    private String reserve(String task, long tokens, long ttl) {
        Answer answer = post("/api/tasks/" + task + "/reservations",
                "{\"tokens\":%d,\"ttlSeconds\":%d}".formatted(tokens, ttl));
        String what = "reserve " + tokens + " for " + task;
        if (answer.status() == 409) {
            assertRefused(() -> engine.reserve(task, tokens, ttl, now), what);
            return what + ": 409";
        }
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        JsonNode server = answer.json();
        nextReservationId = server.path("reservationId").asText(null);
        Governor.Reservation decided = count(engine.reserve(task, tokens, ttl, now));
        tally.merge(decided.granted() ? "granted" : "refused", 1, Integer::sum);
        assertThat(decided.granted()).as(what + ": " + answer.body()).isEqualTo(server.get("granted").asBoolean());
        assertThat(decided.reason()).as(what).isEqualTo(server.get("reason").asText());
        assertDirective(decided.directive(), server.get("directive"), what);
        return what + (decided.granted() ? ": granted" : ": refused");
    }

    private String report(String task, long tokens, boolean settling) {
        String reservation = settling ? engine.heldReservations().stream().filter(r -> r.taskId().equals(task))
                .map(LiveReservation::id).findFirst().orElse(null) : null;
        String eventId = newId();
        Answer answer = post("/api/usage", """
                {"eventId":"%s","taskId":"%s","timestamp":"%s","model":"claude-sonnet-4-5-20250929",\
                "inputTokens":%d,"outputTokens":0%s}""".formatted(eventId, task, now, tokens,
                reservation == null ? "" : ",\"reservationId\":\"" + reservation + "\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Governor.Recorded recorded = count(engine.record(List.of(new io.tokengovernor.core.governance.Usage(eventId,
                task, now, tokens, reservation)), now));
        String what = "report " + tokens + " for " + task + (reservation == null ? "" : " settling " + reservation);
        assertDirective(recorded.directives().get(0), answer.json().get("directives").get(0), what);
        return what;
    }

    private String release(String task) {
        List<LiveReservation> held = engine.heldReservations().stream().filter(r -> r.taskId().equals(task)).toList();
        if (held.isEmpty()) {
            return "nothing to release for " + task;
        }
        String id = held.get(0).id();
        Answer answer = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api/tasks/" + task
                + "/reservations/" + id)).header("Authorization", "Bearer " + GovernorApi.adminKey()).DELETE());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(count(engine.release(task, id, now))).isEqualTo(answer.json().get("released").asLong());
        return "release " + id + " of " + task;
    }

    private String checkpoint(String task) {
        Answer answer = post("/api/tasks/" + task + "/checkpoints",
                "{\"uri\":\"s3://checkpoints/%s\",\"sizeBytes\":10,\"summary\":\"state\"}".formatted(newId()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertDirective(count(engine.checkpointSaved(task, now)), answer.json().get("directive"),
                "checkpoint of " + task);
        return "checkpoint of " + task;
    }

    private String pause(String task) {
        Answer answer = post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"by hand\"}".formatted(task));
        assertThat(answer.status()).as(answer.body()).isIn(200, 409);
        assertThat(count(engine.pause(task, "by hand", now))).as("pause " + task).isEqualTo(answer.status() == 200);
        return "pause " + task + ": " + answer.status();
    }

    private String resumeByHand(String task) {
        Answer answer = post("/api/scheduler/resume", "{\"taskId\":\"%s\"}".formatted(task));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        followResumes();
        return "resume " + task + " by hand: " + answer.body();
    }

    private String raise(String task, long tokens) {
        long budget = engine.findTask(task).orElseThrow().budget() + tokens;
        Answer answer = GovernorApi.patch("/api/tasks/" + task, "{\"tokenBudget\":%d}".formatted(budget));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        engine.taskBudget(task, budget);
        return "raise " + task + " to " + budget;
    }

    /** The scheduler resumed what the server shows running again; the engine follows (resumes are not its rule). */
    private void followResumes() {
        for (String id : tasks) {
            LiveTask task = engine.findTask(id).orElseThrow();
            String state = get("/api/tasks/" + id).json().get("state").asText();
            if (state.equals("RUNNING") && (task.state() == TaskState.QUEUED || task.state() == TaskState.PAUSED)) {
                assertThat(count(engine.resume(id, "resumed by the scheduler", true, now))).isTrue();
            }
        }
    }

    private void compareTasks(String when) {
        for (String id : tasks) {
            JsonNode server = get("/api/tasks/" + id).json();
            LiveTask task = engine.findTask(id).orElseThrow();
            String what = when + ", task " + id;
            assertThat(task.state().name()).as(what + " state").isEqualTo(server.get("state").asText());
            assertThat(task.used()).as(what + " used").isEqualTo(server.get("usedTokens").asLong());
            assertThat(task.reserved()).as(what + " reserved").isEqualTo(server.get("reservedTokens").asLong());
            assertThat(task.checkpointState().name()).as(what + " checkpoint")
                    .isEqualTo(server.get("checkpointState").asText());
            assertThat(task.pausedWithoutCheckpoint()).as(what + " paused without checkpoint")
                    .isEqualTo(server.get("pausedWithoutCheckpoint").asBoolean());
            assertDirective(engine.directive(id, now), get("/api/tasks/" + id + "/directive").json(), what);
        }
    }

    private static void assertDirective(Directive engine, JsonNode server, String what) {
        assertThat(engine.action().name()).as(what + " action: " + server).isEqualTo(server.get("action").asText());
        assertThat(engine.reason()).as(what + " reason").isEqualTo(server.get("reason").asText());
        assertThat(List.of(engine.used(), engine.reserved(), engine.budget())).as(what + " numbers")
                .isEqualTo(List.of(server.get("used").asLong(), server.get("reserved").asLong(),
                        server.get("budget").asLong()));
        assertThat(engine.threshold()).as(what + " threshold").isEqualTo(server.get("threshold").asDouble());
    }

    private static void assertRefused(Runnable command, String what) {
        try {
            command.run();
        } catch (GovernanceException e) {
            assertThat(e.kind()).as(what).isEqualTo(GovernanceException.Kind.STATE);
            return;
        }
        throw new AssertionError(what + ": the server refused with 409, the engine accepted");
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.SchedulerApi.DEFAULT_RULES;
import static io.tokengovernor.system.SchedulerApi.putRules;
import static io.tokengovernor.system.SchedulerApi.queued;
import static io.tokengovernor.system.SchedulerApi.resumeTransitions;
import static io.tokengovernor.system.SchedulerApi.resumedAt;
import static io.tokengovernor.system.SchedulerApi.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work paused because its project's daily budget ran out comes back when the window resets, by the server's
 * own (adjustable) clock: in rule order, within the rate limit, each task once.
 */
class WindowResetIT {

    /** An hour between timed passes, two resumes a minute, and aging too slow to matter within a day. */
    private static final String RULES = """
            {"resumesPerMinute":2,"safetyFactor":1.2,"agingHoursPerTier":100,"backfill":true,
             "maxProjectShare":1.0,"passIntervalSeconds":3600}""";

    @BeforeEach
    void adjustableClockAndSlowTimer() throws Exception {
        ServerClock.ensureAdjustable();
        assertThat(putRules(RULES).status()).isEqualTo(200);
    }

    @AfterEach
    void runOnAndRestoreRules() {
        ServerClock.release();
        assertThat(putRules(DEFAULT_RULES).status()).isEqualTo(200);
    }

    @Test
    void work_paused_by_a_spent_daily_budget_resumes_at_the_reset_in_rule_order_within_the_rate_limit_once()
            throws Exception {
        // Start well inside a day so that the whole story happens in one window.
        Instant start = ServerClock.now().plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .plusHours(9).toInstant();
        ServerClock.moveTo(start, true);
        assertThat(putRules(RULES).status()).as("the timer ticks every hour from 09:00").isEqualTo(200);
        String projectId = newId();
        Answer registered = post("/api/projects/register", """
                {"id":"%s","name":"daily","owner":"o","tier":2,"tokenBudget":6000,"budgetWindow":"DAILY"}"""
                .formatted(projectId));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String low = spendsFromProject(projectId, 2, start);
        String high = spendsFromProject(projectId, 1, start);
        String alsoHigh = spendsFromProject(projectId, 1, start);
        List<String> all = List.of(low, high, alsoHigh);
        for (String taskId : all) {
            report(taskId, "after", 10, start);
        }
        assertThat(all).allMatch(id -> "QUEUED".equals(state(id)));
        Instant midnight = start.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();

        JsonNode beforeReset = ServerClock.moveTo(midnight.minusSeconds(1), true);
        assertThat(beforeReset.get("resumed").asInt()).as("nothing frees tokens before the reset").isZero();
        assertThat(all).allMatch(id -> "QUEUED".equals(state(id)));
        assertThat(queued(high).path("predictedResumeAt").asText()).isEqualTo(midnight.toString());

        JsonNode atReset = ServerClock.moveTo(midnight.plusSeconds(30), true);

        assertThat(atReset.get("resumed").asInt()).isEqualTo(2);
        assertThat(state(high)).isEqualTo("RUNNING");
        assertThat(state(alsoHigh)).isEqualTo("RUNNING");
        assertThat(state(low)).as("tier 2 waits: the two resumes of the minute went to tier 1").isEqualTo("QUEUED");
        assertThat(resumedAt(high)).isEqualTo(midnight.toString());

        JsonNode nextPass = ServerClock.moveTo(midnight.plus(Duration.ofHours(2)), true);

        assertThat(nextPass.get("resumed").asInt()).as("the next timed pass, an hour after the reset").isEqualTo(1);
        assertThat(resumedAt(low)).isEqualTo(midnight.plus(Duration.ofHours(1)).toString());
        for (String taskId : all) {
            assertThat(resumeTransitions(taskId)).as(taskId).isEqualTo(1);
        }
    }

    @Test
    void a_package_pauses_with_the_task_that_ran_out_and_resumes_as_one_unit_of_the_rate_limit() throws Exception {
        Instant start = ServerClock.now().plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .plusHours(9).toInstant();
        ServerClock.moveTo(start, true);
        assertThat(putRules(RULES.replace("\"resumesPerMinute\":2", "\"resumesPerMinute\":1")).status())
                .isEqualTo(200);
        String projectId = newId();
        assertThat(post("/api/projects/register", """
                {"id":"%s","name":"package","owner":"o","tier":2,"tokenBudget":20000,"budgetWindow":"DAILY"}"""
                .formatted(projectId)).status()).isEqualTo(201);
        String packageId = newId();
        assertThat(post("/api/packages/register", "{\"id\":\"%s\",\"projectId\":\"%s\"}"
                .formatted(packageId, projectId)).status()).isEqualTo(201);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String taskId = post("/api/tasks/register", """
                    {"projectId":"%s","packageId":"%s","tokenBudget":100000,"estimatedTokens":3000}"""
                    .formatted(projectId, packageId)).json().get("id").asText();
            post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
            tasks.add(taskId);
        }
        for (int call = 0; call < 10; call++) {
            report(tasks.get(0), "call-" + call, 1_900, start);
        }

        for (String sibling : tasks.subList(1, 3)) {
            assertThat(get("/api/tasks/" + sibling).json().get("checkpointState").asText())
                    .as("the rest of the package is asked to checkpoint").isEqualTo("REQUESTED");
            assertThat(get("/api/tasks/" + sibling + "/directive").json().get("action").asText()).isEqualTo("PAUSE");
        }
        ServerClock.moveTo(start.plus(Duration.ofMinutes(5)), true);
        assertThat(tasks).as("the grace is over: the whole package waits").allMatch(id -> "QUEUED".equals(state(id)));

        Instant midnight = start.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        JsonNode atReset = ServerClock.moveTo(midnight.plusSeconds(30), true);

        assertThat(atReset.get("resumed").asInt()).as("one unit").isEqualTo(1);
        assertThat(tasks).as("all three in the one resume a minute allows").allMatch(id -> "RUNNING".equals(state(id)));
        assertThat(tasks).allMatch(id -> midnight.toString().equals(resumedAt(id)));
        assertThat(get("/api/scheduler/status").json().get("resumesLastMinute").asInt()).isEqualTo(1);
    }

    @Test
    void the_clock_only_moves_forward_and_only_for_the_admin() {
        Instant now = ServerClock.now();
        Answer backwards = post("/api/clock", "{\"to\":\"%s\"}".formatted(now.minusSeconds(3600)));
        Answer both = post("/api/clock", "{\"to\":\"%s\",\"advanceSeconds\":5}".formatted(now));
        Answer notAnInstant = post("/api/clock", "{\"to\":\"tomorrow\"}");
        Answer withoutKey = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api/clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\":5}")));

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("only moves forward");
        assertThat(both.status()).isEqualTo(400);
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(withoutKey.status()).isEqualTo(401);
        assertThat(ServerClock.now()).isBefore(now.plusSeconds(3600));
    }

    /** A running tier-{@code tier} task with a saved checkpoint that spends 2,000 tokens of its project. */
    private static String spendsFromProject(String projectId, int tier, Instant at) {
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":100000,"estimatedTokens":3000,"tier":%d}"""
                .formatted(projectId, tier)).json().get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"s3://cp/" + taskId + "\"}");
        report(taskId, "work", 1_900, at);
        return taskId;
    }

    private static void report(String taskId, String suffix, long input, Instant at) {
        Answer answer = post("/api/usage", """
                {"eventId":"%s-%s","taskId":"%s","timestamp":"%s","inputTokens":%d,"outputTokens":100}"""
                .formatted(taskId, suffix, taskId, at, input));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.patch;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static io.tokengovernor.system.SchedulerApi.DEFAULT_RULES;
import static io.tokengovernor.system.SchedulerApi.putRules;
import static io.tokengovernor.system.SchedulerApi.queued;
import static io.tokengovernor.system.SchedulerApi.resumeTransitions;
import static io.tokengovernor.system.SchedulerApi.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paused work comes back on its own when tokens are there, in rule order, within the rate limit, once. */
class SchedulerIT {


    @AfterEach
    void restoreDefaultRules() {
        assertThat(putRules(DEFAULT_RULES).status()).isEqualTo(200);
    }

    @Test
    void a_task_paused_at_its_budget_resumes_after_a_budget_raise() throws Exception {
        String projectId = registerProject(newId(), "raise", 1_000_000);
        String taskId = pausedAtBudget(projectId, 5_000, 2);

        assertThat(get("/api/tasks/" + taskId).json().get("state").asText()).isEqualTo("QUEUED");
        await(() -> "NEEDS_TASK_BUDGET_RAISE".equals(queued(taskId).path("prediction").asText()));

        assertThat(patch("/api/tasks/" + taskId, "{\"tokenBudget\":20000}").status()).isEqualTo(200);

        await(() -> "RUNNING".equals(get("/api/tasks/" + taskId).json().get("state").asText()));
        assertThat(resumeTransitions(taskId)).isEqualTo(1);
    }

    @Test
    void waiting_work_resumes_after_a_project_budget_raise_in_rule_order_within_the_rate_limit() throws Exception {
        // resumes made by earlier suites must not drop out of the rate limit's minute while this test counts on it
        Instant quiet = Instant.now().plus(Duration.ofSeconds(75));
        while (get("/api/scheduler/status").json().get("resumesLastMinute").asInt() > 0) {
            assertThat(Instant.now()).as("the rate limit's minute empties").isBefore(quiet);
            TimeUnit.MILLISECONDS.sleep(500);
        }
        String projectId = registerProject(newId(), "order", 6_000);
        String low = pausedByProject(projectId, 2);
        String high = pausedByProject(projectId, 1);
        String alsoHigh = pausedByProject(projectId, 1);
        // make sure every one of them reported after the project ran out, so all three are queued
        for (String taskId : List.of(low, high, alsoHigh)) {
            InspectorFlowIT.report(taskId, "after-" + taskId, 10);
        }
        await(() -> List.of(low, high, alsoHigh).stream()
                .allMatch(id -> "QUEUED".equals(get("/api/tasks/" + id).json().get("state").asText())));
        int usedThisMinute = get("/api/scheduler/status").json().get("resumesLastMinute").asInt();
        assertThat(putRules(DEFAULT_RULES.replace("\"resumesPerMinute\":10",
                "\"resumesPerMinute\":" + (usedThisMinute + 2))).status()).isEqualTo(200);

        assertThat(patch("/api/projects/" + projectId, "{\"tokenBudget\":1000000}").status()).isEqualTo(200);

        await(() -> "RUNNING".equals(state(high)) && "RUNNING".equals(state(alsoHigh)));
        assertThat(state(low)).as("tier 2 waits: the rate limit is spent on tier 1").isEqualTo("QUEUED");
        // the pass records its predictions after its resumes, in a transaction of their own
        await(() -> "NOW".equals(queued(low).path("prediction").asText()));
        assertThat(resumeTransitions(high)).isEqualTo(1);
        assertThat(resumeTransitions(alsoHigh)).isEqualTo(1);
    }

    @Test
    void two_passes_at_the_same_moment_resume_each_task_once() throws Exception {
        String projectId = registerProject(newId(), "twice", 3_000);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(pausedByProject(projectId, 1));
        }
        for (String taskId : tasks) {
            InspectorFlowIT.report(taskId, "after-" + taskId, 10);
        }
        await(() -> tasks.stream().allMatch(id -> "QUEUED".equals(state(id))));
        assertThat(putRules(DEFAULT_RULES.replace("\"resumesPerMinute\":10", "\"resumesPerMinute\":6000"))
                .status()).isEqualTo(200);
        patch("/api/projects/" + projectId, "{\"tokenBudget\":1000000}");

        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> post("/api/scheduler/pass", "{}"));
        CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> post("/api/scheduler/pass", "{}"));
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);

        await(() -> tasks.stream().allMatch(id -> "RUNNING".equals(state(id))));
        for (String taskId : tasks) {
            assertThat(resumeTransitions(taskId)).as(taskId).isEqualTo(1);
        }
    }

    @Test
    void bad_rules_are_refused_with_every_reason_and_the_old_rules_stay() {
        String before = get("/api/scheduler/rules").body();

        Answer refused = putRules("{\"resumesPerMinute\":0,\"safetyFactor\":\"high\",\"speed\":1}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).hasSize(3);
        assertThat(get("/api/scheduler/rules").body()).isEqualTo(before);
        assertThat(putRules("not json").status()).isEqualTo(400);
    }

    @Test
    void a_manual_resume_bypasses_the_order_but_not_the_budget_unless_forced_by_the_admin() throws Exception {
        String projectKey;
        String projectId = newId();
        Answer registered = post("/api/projects/register", """
                {"id":"%s","name":"manual","owner":"o","tier":1,"tokenBudget":100000}""".formatted(projectId));
        projectKey = registered.json().get("apiKey").asText();
        String paused = InspectorFlowIT.runningTask(projectId, 10_000);
        post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"by hand\"}".formatted(paused));
        String spent = pausedAtBudget(projectId, 2_000, 2);

        JsonNode resumed = post("/api/scheduler/resume", "{\"taskId\":\"%s\"}".formatted(paused), projectKey).json();
        JsonNode refused = post("/api/scheduler/resume", "{\"taskId\":\"%s\"}".formatted(spent), projectKey).json();
        Answer forcedByProject = post("/api/scheduler/resume", "{\"taskId\":\"%s\",\"force\":true}".formatted(spent),
                projectKey);
        JsonNode forcedByAdmin = post("/api/scheduler/resume", "{\"taskId\":\"%s\",\"force\":true}".formatted(spent))
                .json();

        assertThat(resumed.get(0).get("resumed").asBoolean()).isTrue();
        assertThat(state(paused)).isEqualTo("RUNNING");
        assertThat(refused.get(0).get("resumed").asBoolean()).isFalse();
        assertThat(refused.get(0).get("reason").asText()).contains("spent its budget");
        assertThat(forcedByProject.status()).isEqualTo(403);
        assertThat(forcedByAdmin.get(0).get("resumed").asBoolean()).isTrue();
        assertThat(state(spent)).isEqualTo("RUNNING");
    }

    /** A running task that saved a checkpoint and then spent its budget: paused at once and queued. */
    private static String pausedAtBudget(String projectId, long budget, int tier) {
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":%d,"tier":%d}""".formatted(projectId, budget, tier)).json()
                .get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"s3://cp/" + taskId + "\"}");
        InspectorFlowIT.report(taskId, "spend", budget);
        return taskId;
    }

    /** A running task with a saved checkpoint that spends 2,000 tokens of its project. */
    private static String pausedByProject(String projectId, int tier) {
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":100000,"estimatedTokens":3000,"tier":%d}"""
                .formatted(projectId, tier)).json().get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"s3://cp/" + taskId + "\"}");
        InspectorFlowIT.report(taskId, "work", 1_900);
        return taskId;
    }

    /** Polls an observable condition (state through the API) until it holds or 30 s pass. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}

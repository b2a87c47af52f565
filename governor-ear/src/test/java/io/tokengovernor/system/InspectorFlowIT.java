package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import org.junit.jupiter.api.Test;

/** The agent's loop: reserve, report, checkpoint when told, pause at the budget. */
class InspectorFlowIT {

    @Test
    void threshold_then_checkpoint_then_budget_reached_then_pause() {
        String taskId = runningTask(registerProject(newId(), "flow", 1_000_000), 10_000);

        JsonNode first = report(taskId, "a", 4_000).json();
        JsonNode second = report(taskId, "b", 5_200).json();
        Answer saved = post("/api/tasks/" + taskId + "/checkpoints", """
                {"uri":"s3://bucket/%s/1.jsonl","sizeBytes":2048,"summary":"parser done"}""".formatted(taskId));
        JsonNode afterSave = saved.json();
        JsonNode last = report(taskId, "c", 1_000).json();

        assertThat(directive(first).get("action").asText()).isEqualTo("CONTINUE");
        assertThat(directive(second).get("action").asText()).isEqualTo("CHECKPOINT");
        assertThat(directive(second).get("used").asLong()).isEqualTo(9_400);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(afterSave.get("reason").asText()).isEqualTo("THRESHOLD");
        assertThat(afterSave.get("directive").get("action").asText()).isEqualTo("CONTINUE");
        assertThat(directive(last).get("action").asText()).isEqualTo("PAUSE");
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.get("state").asText()).as("paused, and queued to wait for tokens").isEqualTo("QUEUED");
        assertThat(task.get("transitions").toString()).contains("\"to\":\"PAUSED\"");
        assertThat(task.get("checkpointState").asText()).isEqualTo("SAVED");
        assertThat(task.get("pausedWithoutCheckpoint").asBoolean()).isFalse();
        assertThat(get("/api/tasks/" + taskId + "/directive").json().get("action").asText()).isEqualTo("PAUSE");
    }

    @Test
    void a_manual_pause_without_a_saved_checkpoint_is_flagged_and_releases_reservations() {
        String projectId = registerProject(newId(), "manual", 100_000);
        String taskId = runningTask(projectId, 10_000);
        assertThat(post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":3000}").status()).isEqualTo(201);

        Answer paused = post("/api/tasks/pause", """
                {"taskId":"%s","reason":"maintenance"}""".formatted(taskId));

        assertThat(paused.status()).isEqualTo(200);
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.get("state").asText()).isEqualTo("PAUSED");
        assertThat(task.get("pausedWithoutCheckpoint").asBoolean()).isTrue();
        assertThat(task.get("reservedTokens").asLong()).isZero();
        assertThat(get("/api/projects/" + projectId).json().get("reservedTokens").asLong()).isZero();
        assertThat(post("/api/tasks/pause", """
                {"taskId":"%s","reason":"again"}""".formatted(taskId)).status()).isEqualTo(409);
        assertThat(post("/api/tasks/pause", """
                {"reason":"no target"}""").status()).isEqualTo(400);
    }

    @Test
    void a_reservation_is_granted_only_within_every_budget_and_settled_by_the_usage_that_names_it() {
        String projectId = registerProject(newId(), "admission", 5_000);
        String taskId = runningTask(projectId, 4_000);

        Answer granted = post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":3000,\"ttlSeconds\":60}");
        Answer deniedByTask = post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":1500}");
        String reservationId = granted.json().get("reservationId").asText();
        report(taskId, "spend", 2_000, reservationId);

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("granted").asBoolean()).isTrue();
        assertThat(deniedByTask.json().get("granted").asBoolean()).isFalse();
        assertThat(deniedByTask.json().get("reason").asText()).startsWith("task budget");
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.get("reservedTokens").asLong()).as("settled").isZero();
        assertThat(task.get("usedTokens").asLong()).isEqualTo(2_100);
        String other = runningTask(projectId, 4_000);
        Answer deniedByProject = post("/api/tasks/" + other + "/reservations", "{\"tokens\":3000}");
        assertThat(deniedByProject.json().get("granted").asBoolean()).isFalse();
        assertThat(deniedByProject.json().get("reason").asText()).startsWith("project budget");
        assertThat(get("/api/projects/" + projectId).json().get("reservedTokens").asLong()).isZero();
    }

    @Test
    void tier_two_work_yields_its_reservations_before_a_tier_one_reservation_is_denied() {
        String projectId = registerProject(newId(), "tiers", 10_000);
        String low = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":10000,"tier":2}""".formatted(projectId)).json().get("id").asText();
        post("/api/tasks/" + low + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        String high = runningTask(projectId, 10_000);
        assertThat(post("/api/tasks/" + low + "/reservations", "{\"tokens\":6000}").status()).isEqualTo(201);

        Answer lowAgain = post("/api/tasks/" + low + "/reservations", "{\"tokens\":3000}");
        assertThat(lowAgain.json().get("granted").asBoolean()).as("room left for tier 2").isTrue();
        Answer highAsks = post("/api/tasks/" + high + "/reservations", "{\"tokens\":8000}");

        assertThat(highAsks.json().get("granted").asBoolean()).as(highAsks.body()).isTrue();
        JsonNode yielded = get("/api/tasks/" + low).json();
        assertThat(yielded.get("state").asText()).as("paused and queued").isEqualTo("QUEUED");
        assertThat(yielded.get("reservedTokens").asLong()).isZero();
        assertThat(yielded.get("checkpointState").asText()).isEqualTo("REQUESTED");
        assertThat(get("/api/projects/" + projectId).json().get("reservedTokens").asLong()).isEqualTo(8_000);
        assertThat(post("/api/tasks/" + high + "/reservations", "{\"tokens\":3000}").json().get("granted")
                .asBoolean()).as("nothing left to yield").isFalse();
    }

    @Test
    void tier_one_work_never_yields_to_tier_two() {
        String projectId = registerProject(newId(), "no-inversion", 10_000);
        String high = runningTask(projectId, 10_000);
        String low = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":10000,"tier":2}""".formatted(projectId)).json().get("id").asText();
        post("/api/tasks/" + low + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        assertThat(post("/api/tasks/" + high + "/reservations", "{\"tokens\":9000}").status()).isEqualTo(201);

        Answer lowAsks = post("/api/tasks/" + low + "/reservations", "{\"tokens\":2000}");

        assertThat(lowAsks.json().get("granted").asBoolean()).isFalse();
        assertThat(get("/api/tasks/" + high).json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(get("/api/tasks/" + high).json().get("reservedTokens").asLong()).isEqualTo(9_000);
    }

    @Test
    void bad_reservations_are_problems() {
        String taskId = runningTask(registerProject(newId(), "bad-reservations", 5_000), 4_000);

        assertThat(post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":0}").status()).isEqualTo(400);
        assertThat(post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":5,\"ttlSeconds\":99999}").status())
                .isEqualTo(400);
        assertThat(post("/api/tasks/" + newId() + "/reservations", "{\"tokens\":5}").status()).isEqualTo(404);
        assertThat(get("/api/tasks/" + taskId).json().get("reservedTokens").asLong()).isZero();
    }

    static String runningTask(String projectId, long budget) {
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","tokenBudget":%d}""".formatted(projectId, budget)).json().get("id").asText();
        post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
        return taskId;
    }

    static Answer report(String taskId, String suffix, long input) {
        return report(taskId, suffix, input, null);
    }

    static Answer report(String taskId, String suffix, long input, String reservationId) {
        Answer answer = post("/api/usage", """
                {"eventId":"%s-%s","taskId":"%s","timestamp":"2026-11-29T10:00:00Z","model":"claude-sonnet-4-5",
                 "inputTokens":%d,"outputTokens":100%s}""".formatted(taskId, suffix, taskId, input,
                reservationId == null ? "" : ",\"reservationId\":\"" + reservationId + "\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static JsonNode directive(JsonNode answer) {
        return answer.get("directives").get(0);
    }
}

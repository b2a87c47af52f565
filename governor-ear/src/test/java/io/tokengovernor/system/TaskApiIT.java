package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.tokengovernor.system.GovernorApi.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskApiIT {

    @Test
    void a_task_fills_in_its_complexity_from_its_estimate_and_registers_its_agent() {
        String projectId = registerProject(newId(), "tasks", 100_000);
        String agentId = newId();

        Answer answer = post("/api/tasks/register", """
                {"projectId":"%s","agentId":"%s","agentType":"coder","estimatedTokens":7000,
                 "description":"write the parser"}""".formatted(projectId, agentId));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode task = answer.json();
        assertThat(task.get("complexity").asText()).isEqualTo("VERY_COMPLEX");
        assertThat(task.get("tokenBudget").asLong()).as("budget defaults to the estimate").isEqualTo(7000);
        assertThat(task.get("state").asText()).isEqualTo("REGISTERED");
        assertThat(task.get("transitions").get(0).get("to").asText()).isEqualTo("REGISTERED");
        JsonNode agents = get("/api/agents?projectId=" + projectId).json();
        assertThat(agents.get("total").asLong()).isEqualTo(1);
        assertThat(agents.get("items").get(0).get("id").asText()).isEqualTo(agentId);
        assertThat(agents.get("items").get(0).get("type").asText()).isEqualTo("coder");
    }

    @Test
    void a_task_fills_in_its_estimate_from_its_complexity() {
        String projectId = registerProject(newId(), "simple", 100_000);

        JsonNode task = post("/api/tasks/register", """
                {"projectId":"%s","complexity":"SIMPLE","tokenBudget":900}""".formatted(projectId)).json();

        assertThat(task.get("estimatedTokens").asLong()).isEqualTo(500);
        assertThat(task.get("tokenBudget").asLong()).isEqualTo(900);
    }

    @Test
    void re_registering_a_task_is_idempotent_and_a_changed_task_is_a_conflict() {
        String projectId = registerProject(newId(), "idem", 100_000);
        String body = """
                {"id":"%s","projectId":"%s","complexity":"COMPLEX"}""".formatted(newId(), projectId);

        assertThat(post("/api/tasks/register", body).status()).isEqualTo(201);
        assertThat(post("/api/tasks/register", body).status()).isEqualTo(200);
        assertThat(post("/api/tasks/register", body.replace("COMPLEX", "SIMPLE")).status()).isEqualTo(409);
        assertThat(get("/api/tasks?projectId=" + projectId).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void every_state_change_is_recorded_and_illegal_ones_are_refused() {
        String projectId = registerProject(newId(), "lifecycle", 100_000);
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s"}""".formatted(projectId)).json().get("id").asText();

        for (String next : List.of("RUNNING", "PAUSED", "QUEUED", "RUNNING", "COMPLETED")) {
            Answer moved = post("/api/tasks/" + taskId + "/transitions", """
                    {"to":"%s","reason":"step to %s"}""".formatted(next, next));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        Answer illegal = post("/api/tasks/" + taskId + "/transitions", """
                {"to":"RUNNING","reason":"again"}""");

        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().get("type").asText()).endsWith("/state-conflict");
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.get("state").asText()).isEqualTo("COMPLETED");
        List<String> path = new ArrayList<>();
        task.get("transitions").forEach(t -> path.add(t.path("from").asText("-") + ">" + t.get("to").asText()));
        assertThat(path).containsExactly("->REGISTERED", "REGISTERED>RUNNING", "RUNNING>PAUSED", "PAUSED>QUEUED",
                "QUEUED>RUNNING", "RUNNING>COMPLETED");
        assertThat(task.get("transitions").get(2).get("reason").asText()).isEqualTo("step to PAUSED");
    }

    @Test
    void tasks_are_filtered_by_project_package_and_state() {
        String projectId = registerProject(newId(), "filters", 100_000);
        String first = post("/api/tasks/register", "{\"projectId\":\"%s\"}".formatted(projectId)).json()
                .get("id").asText();
        String second = post("/api/tasks/register", "{\"projectId\":\"%s\"}".formatted(projectId)).json()
                .get("id").asText();
        post("/api/tasks/" + second + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"go\"}");
        String packageId = post("/api/packages/register", """
                {"projectId":"%s","taskIds":["%s"]}""".formatted(projectId, first)).json().get("id").asText();

        JsonNode running = get("/api/tasks?projectId=" + projectId + "&state=RUNNING").json();
        JsonNode inPackage = get("/api/tasks?packageId=" + packageId).json();

        assertThat(running.get("total").asLong()).isEqualTo(1);
        assertThat(running.get("items").get(0).get("id").asText()).isEqualTo(second);
        assertThat(inPackage.get("total").asLong()).isEqualTo(1);
        assertThat(inPackage.get("items").get(0).get("id").asText()).isEqualTo(first);
    }

    @Test
    void a_package_groups_tasks_and_sums_their_estimates() {
        String projectId = registerProject(newId(), "packages", 100_000);
        String a = post("/api/tasks/register", "{\"projectId\":\"%s\",\"estimatedTokens\":1200}"
                .formatted(projectId)).json().get("id").asText();
        String b = post("/api/tasks/register", "{\"projectId\":\"%s\",\"estimatedTokens\":800}"
                .formatted(projectId)).json().get("id").asText();
        String body = """
                {"id":"%s","projectId":"%s","taskIds":["%s","%s"],"priority":5,
                 "notBefore":"2026-12-01T08:00:00Z","deadline":"2026-12-02T18:00:00Z"}"""
                .formatted(newId(), projectId, a, b);

        Answer created = post("/api/packages/register", body);
        Answer again = post("/api/packages/register", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        JsonNode pkg = get("/api/packages/" + created.json().get("id").asText()).json();
        assertThat(pkg.get("estimatedTokens").asLong()).isEqualTo(2000);
        assertThat(pkg.get("priority").asInt()).isEqualTo(5);
        assertThat(pkg.get("deadline").asText()).startsWith("2026-12-02T18:00");
        assertThat(pkg.get("taskIds")).hasSize(2);
        assertThat(get("/api/tasks/" + a).json().get("packageId").asText()).isEqualTo(pkg.get("id").asText());
        Answer stolen = post("/api/packages/register", """
                {"projectId":"%s","taskIds":["%s"]}""".formatted(projectId, a));
        assertThat(stolen.status()).isEqualTo(409);
    }

    @Test
    void status_is_compact_for_every_level() {
        String projectId = registerProject(newId(), "status", 50_000);
        String agentId = newId();
        String taskId = post("/api/tasks/register", """
                {"projectId":"%s","agentId":"%s","agentType":"reviewer","estimatedTokens":2000}"""
                .formatted(projectId, agentId)).json().get("id").asText();
        String packageId = post("/api/packages/register", """
                {"projectId":"%s","taskIds":["%s"]}""".formatted(projectId, taskId)).json().get("id").asText();

        JsonNode project = get("/api/status/project/" + projectId).json();
        JsonNode task = get("/api/status/task/" + taskId).json();
        JsonNode agent = get("/api/status/agent/" + agentId).json();
        JsonNode pkg = get("/api/status/package/" + packageId).json();

        assertThat(project.get("budget").asLong()).isEqualTo(50_000);
        assertThat(project.get("remaining").asLong()).isEqualTo(50_000);
        assertThat(project.get("counts").get("tasks").asLong()).isEqualTo(1);
        assertThat(project.get("counts").get("registered").asLong()).isEqualTo(1);
        assertThat(task.get("state").asText()).isEqualTo("REGISTERED");
        assertThat(task.get("budget").asLong()).isEqualTo(2000);
        assertThat(task.get("directive").asText()).isEqualTo("CONTINUE");
        assertThat(task.get("threshold").asDouble()).isEqualTo(0.9);
        assertThat(agent.get("type").asText()).isEqualTo("reviewer");
        assertThat(pkg.get("estimate").asLong()).isEqualTo(2000);
        Encoding tokenizer = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        for (JsonNode status : List.of(project, task, agent, pkg)) {
            assertThat(tokenizer.countTokens(status.toString())).as(status.toString()).isLessThanOrEqualTo(200);
        }
    }
}

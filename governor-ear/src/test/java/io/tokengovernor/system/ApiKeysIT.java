package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Every mutating endpoint needs a key; a project's key touches only its project. */
class ApiKeysIT {

    @Test
    void a_change_without_a_key_or_with_an_unknown_key_is_401_and_changes_nothing() {
        long before = GovernorApi.projectCount();
        String body = "{\"name\":\"nokey\",\"owner\":\"o\",\"tier\":1,\"tokenBudget\":5}";

        Answer none = post("/api/projects/register", body, null);
        Answer wrong = post("/api/projects/register", body, "tgp_not-a-key");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        assertThat(none.json().get("type").asText()).endsWith("/unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(GovernorApi.projectCount()).isEqualTo(before);
    }

    @Test
    void the_project_key_is_shown_once_and_works_only_for_its_project() {
        String projectId = newId();
        String body = """
                {"id":"%s","name":"keyed","owner":"o","tier":2,"tokenBudget":50000}""".formatted(projectId);
        Answer created = post("/api/projects/register", body);
        Answer again = post("/api/projects/register", body);
        String key = created.json().get("apiKey").asText();
        String otherProject = GovernorApi.registerProject(newId(), "someone-else", 1000);

        assertThat(key).startsWith("tgp_");
        assertThat(again.json().has("apiKey")).as("shown once").isFalse();
        assertThat(get("/api/projects/" + projectId).json().has("apiKey")).isFalse();
        Answer ownTask = post("/api/tasks/register", "{\"projectId\":\"%s\"}".formatted(projectId), key);
        assertThat(ownTask.status()).isEqualTo(201);
        String taskId = ownTask.json().get("id").asText();
        assertThat(post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"go\"}", key)
                .status()).isEqualTo(200);
        assertThat(post("/api/tasks/" + taskId + "/reservations", "{\"tokens\":10}", key).status()).isEqualTo(201);
        assertThat(post("/api/usage", UsageLedgerIT.event(taskId, "keyed-" + taskId, 5), key).status())
                .isEqualTo(200);

        Answer foreignTask = post("/api/tasks/register", "{\"projectId\":\"%s\"}".formatted(otherProject), key);
        Answer newProject = post("/api/projects/register", "{\"name\":\"x\",\"owner\":\"o\",\"tier\":1,"
                + "\"tokenBudget\":1}", key);
        String foreignTaskId = post("/api/tasks/register", "{\"projectId\":\"%s\"}".formatted(otherProject))
                .json().get("id").asText();
        Answer foreignUsage = post("/api/usage", UsageLedgerIT.event(foreignTaskId, "steal-" + foreignTaskId, 5),
                key);
        Answer foreignPatch = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE
                + "/api/projects/" + otherProject)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tokenBudget\":999999}")));

        assertThat(foreignTask.status()).isEqualTo(403);
        assertThat(foreignTask.json().get("type").asText()).endsWith("/forbidden");
        assertThat(newProject.status()).isEqualTo(403);
        assertThat(foreignUsage.status()).isEqualTo(403);
        assertThat(foreignPatch.status()).isEqualTo(403);
        assertThat(get("/api/tasks/" + foreignTaskId).json().get("usedTokens").asLong()).isZero();
        assertThat(get("/api/projects/" + otherProject).json().get("tokenBudget").asLong()).isEqualTo(1000);
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.patch;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.projectCount;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectApiIT {

    @Test
    void registering_a_project_answers_201_with_the_stored_project_and_its_location() {
        String id = newId();
        Answer answer = post("/api/projects/register", """
                {"id":"%s","name":"checkout","owner":"octocat","tier":2,"tokenBudget":500000,
                 "budgetWindow":"DAILY","softLimit":400000,"webhookUrl":"http://127.0.0.1:1/hook",
                 "webhookSecret":"s3cret"}""".formatted(id));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode project = answer.json();
        assertThat(project.get("id").asText()).isEqualTo(id);
        assertThat(project.get("tier").asInt()).isEqualTo(2);
        assertThat(project.get("tokenBudget").asLong()).isEqualTo(500_000);
        assertThat(project.get("budgetWindow").asText()).isEqualTo("DAILY");
        assertThat(project.get("remainingTokens").asLong()).isEqualTo(500_000);
        assertThat(project.has("webhookSecret")).as("the secret is never echoed").isFalse();
        assertThat(get("/api/projects/" + id).json().get("name").asText()).isEqualTo("checkout");
    }

    @Test
    void a_project_without_an_id_gets_a_generated_uuid() {
        Answer answer = post("/api/projects/register", """
                {"name":"anonymous","owner":"a@example.org","tier":1,"tokenBudget":10}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(answer.json().get("budgetWindow").asText()).isEqualTo("NONE");
    }

    @Test
    void registering_the_same_project_again_is_idempotent() {
        String body = """
                {"id":"%s","name":"same","owner":"octocat","tier":1,"tokenBudget":1000}""".formatted(newId());
        Answer first = post("/api/projects/register", body);
        long count = projectCount();

        Answer second = post("/api/projects/register", body);

        assertThat(second.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode withoutKey = first.json().deepCopy();
        withoutKey.remove("apiKey");
        assertThat(second.json()).as("the stored project, without the key shown only once").isEqualTo(withoutKey);
        assertThat(projectCount()).isEqualTo(count);
    }

    @Test
    void the_same_id_with_different_content_is_a_409_that_changes_nothing() {
        String id = registerProject(newId(), "original", 1000);

        Answer answer = post("/api/projects/register", """
                {"id":"%s","name":"original","owner":"octocat","tier":1,"tokenBudget":2000}""".formatted(id));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).endsWith("/registration-conflict");
        assertThat(answer.json().get("detail").asText()).contains("tokenBudget");
        assertThat(get("/api/projects/" + id).json().get("tokenBudget").asLong()).isEqualTo(1000);
    }

    @Test
    void patch_changes_only_the_given_fields() {
        String id = registerProject(newId(), "patchable", 1000);

        Answer answer = patch("/api/projects/" + id, """
                {"tokenBudget":5000,"tier":2,"budgetWindow":"WEEKLY","owner":"hubot"}""");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode project = get("/api/projects/" + id).json();
        assertThat(project.get("tokenBudget").asLong()).isEqualTo(5000);
        assertThat(project.get("tier").asInt()).isEqualTo(2);
        assertThat(project.get("budgetWindow").asText()).isEqualTo("WEEKLY");
        assertThat(project.get("owner").asText()).isEqualTo("hubot");
        assertThat(project.get("name").asText()).isEqualTo("patchable");
    }

    @Test
    void an_invalid_patch_is_refused_and_changes_nothing() {
        String id = registerProject(newId(), "guarded", 1000);

        Answer negative = patch("/api/projects/" + id, "{\"tokenBudget\":-1}");
        Answer badTier = patch("/api/projects/" + id, "{\"tier\":7}");
        Answer empty = patch("/api/projects/" + id, "{}");

        assertThat(List.of(negative.status(), badTier.status(), empty.status())).containsOnly(400);
        assertThat(negative.json().get("errors").get(0).get("field").asText()).isEqualTo("tokenBudget");
        assertThat(get("/api/projects/" + id).json().get("tokenBudget").asLong()).isEqualTo(1000);
        assertThat(patch("/api/projects/" + newId(), "{\"tier\":1}").status()).isEqualTo(404);
    }

    @Test
    void listing_pages_filters_and_sorts() {
        String marker = "lst" + newId().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            registerProject(newId(), marker + "-" + i, 100 * (5 - i));
        }

        JsonNode firstPage = get("/api/projects?name=" + marker + "&size=2&page=0&sort=name").json();
        JsonNode lastPage = get("/api/projects?name=" + marker + "&size=2&page=2&sort=name").json();
        JsonNode byBudget = get("/api/projects?name=" + marker + "&sort=tokenBudget&order=asc").json();

        assertThat(firstPage.get("total").asLong()).isEqualTo(5);
        assertThat(names(firstPage)).containsExactly(marker + "-0", marker + "-1");
        assertThat(names(lastPage)).containsExactly(marker + "-4");
        assertThat(names(byBudget)).containsExactly(marker + "-4", marker + "-3", marker + "-2", marker + "-1",
                marker + "-0");
    }

    @Test
    void an_unknown_project_is_a_404_problem() {
        Answer answer = get("/api/projects/" + newId());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).endsWith("/not-found");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.projectCount;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem+json, and nothing is stored. */
class BadInputIT {

    static List<Arguments> badProjects() {
        return List.of(
                Arguments.of("malformed JSON", "{\"name\":", 400, "malformed-json", null),
                Arguments.of("not an object", "[1,2,3]", 400, "malformed-json", null),
                Arguments.of("wrong type", """
                        {"name":"x","owner":"o","tier":"high","tokenBudget":5}""", 400, "malformed-json", null),
                Arguments.of("budget as text", """
                        {"name":"x","owner":"o","tier":1,"tokenBudget":"lots"}""", 400, "malformed-json", null),
                Arguments.of("negative budget", """
                        {"name":"x","owner":"o","tier":1,"tokenBudget":-5}""", 400, "validation", "tokenBudget"),
                Arguments.of("unknown tier", """
                        {"name":"x","owner":"o","tier":3,"tokenBudget":5}""", 400, "validation", "tier"),
                Arguments.of("unknown window", """
                        {"name":"x","owner":"o","tier":1,"tokenBudget":5,"budgetWindow":"HOURLY"}""",
                        400, "malformed-json", null),
                Arguments.of("missing name", """
                        {"owner":"o","tier":1,"tokenBudget":5}""", 400, "validation", "name"),
                Arguments.of("id not a UUID", """
                        {"id":"project-1","name":"x","owner":"o","tier":1,"tokenBudget":5}""", 400, "validation",
                        "id"),
                Arguments.of("empty body", "", 400, "malformed-json", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProjects")
    void a_bad_project_registration_is_a_problem_and_stores_nothing(String why, String body, int status, String type,
            String field) {
        long before = projectCount();

        Answer answer = post("/api/projects/register", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(fields(problem)).contains(field);
        }
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void an_oversized_body_is_a_413_whether_its_length_is_declared_or_streamed() {
        long before = projectCount();
        String huge = "{\"name\":\"" + "x".repeat(2_000_000) + "\",\"owner\":\"o\",\"tier\":1,\"tokenBudget\":1}";

        Answer declared = post("/api/projects/register", huge);
        Answer streamed = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE
                + "/api/projects/register"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes()))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        Answer answer = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE
                + "/api/projects/register"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void a_task_for_an_unknown_project_is_refused_and_stores_nothing() {
        String taskId = newId();

        Answer answer = post("/api/tasks/register", """
                {"id":"%s","projectId":"%s"}""".formatted(taskId, newId()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).contains("projectId");
        assertThat(get("/api/tasks/" + taskId).status()).isEqualTo(404);
    }

    @Test
    void a_task_with_a_negative_estimate_or_unknown_complexity_is_refused() {
        String projectId = registerProject(newId(), "strict", 1000);

        Answer negative = post("/api/tasks/register", """
                {"projectId":"%s","estimatedTokens":-3}""".formatted(projectId));
        Answer complexity = post("/api/tasks/register", """
                {"projectId":"%s","complexity":"HUGE"}""".formatted(projectId));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative.json())).contains("estimatedTokens");
        assertThat(complexity.status()).isEqualTo(400);
        assertThat(get("/api/tasks?projectId=" + projectId).json().get("total").asLong()).isZero();
    }

    @Test
    void bad_paging_and_unknown_ids_are_problems() {
        assertThat(get("/api/projects?size=0").status()).isEqualTo(400);
        assertThat(get("/api/projects?page=-1").status()).isEqualTo(400);
        assertThat(get("/api/projects?sort=secret").status()).isEqualTo(400);
        assertThat(get("/api/tasks?state=SLEEPING").status()).isEqualTo(400);
        assertThat(get("/api/tasks/" + newId()).status()).isEqualTo(404);
        assertThat(get("/api/packages/" + newId()).status()).isEqualTo(404);
        assertThat(get("/api/status/project/" + newId()).status()).isEqualTo(404);
        assertThat(get("/api/status/galaxy/" + newId()).status()).isEqualTo(400);
        Answer unknownPath = get("/api/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        }
        return fields;
    }
}

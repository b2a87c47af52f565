package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep inspection's plans: written by the real token-gov, stored versioned, and checked against the criteria. */
class PlansIT {

    @TempDir
    Path workTree;

    @Test
    void init_inspect_stores_each_plan_as_the_projects_next_version() throws Exception {
        String projectId = GovernorApi.registerProject(newId(), "inspected", 1_000_000);
        Files.writeString(workTree.resolve("project_config.json"), """
                {"fileCount":60,"apiCalls":150,"taskComplexity":"COMPLEX","repository":"octocat/inspected"}""");

        CliIT.Run first = CliIT.tokenGovWith(Map.of(), "init", "--inspect", "--dir", workTree.toString(),
                "--project", projectId);
        CliIT.Run second = CliIT.tokenGovWith(Map.of(), "--json", "init", "--inspect", "--dir", workTree.toString(),
                "--project", projectId);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 agents").contains("stored as version 1");
        assertThat(second.exit()).as(second.err()).isZero();
        JsonNode printed = GovernorApi.JSON.readTree(second.out());
        assertThat(printed.get("version").asInt()).isEqualTo(2);
        JsonNode latest = get("/api/projects/" + projectId + "/plans/latest").json();
        assertThat(latest).isEqualTo(printed);
        assertThat(GovernorApi.JSON.readTree(workTree.resolve("workflow_plan.json").toFile())).isEqualTo(printed);
        assertThat(latest.at("/allocation/agents").asInt()).isEqualTo(5);
        assertThat(latest.get("agents")).hasSize(5);
        assertThat(latest.get("estimateSource").asText()).isEqualTo("SERVER");
        assertThat(get("/api/projects/" + projectId + "/plans/1").json().get("version").asInt()).isEqualTo(1);
        JsonNode list = get("/api/projects/" + projectId + "/plans").json();
        assertThat(list).extracting(plan -> plan.get("version").asInt()).containsExactly(2, 1);
        assertThat(list.get(0).get("agents").asInt()).isEqualTo(5);
    }

    @Test
    void a_plan_that_contradicts_its_inspection_or_itself_is_refused_and_nothing_is_stored() {
        String projectId = GovernorApi.registerProject(newId(), "refused-plans", 1_000_000);
        ObjectNode valid = validPlan();
        assertThat(post("/api/projects/" + projectId + "/plans", valid.toString()).status()).isEqualTo(201);

        ObjectNode tooMany = valid.deepCopy();
        ((ObjectNode) tooMany.get("inspection")).put("fileCount", 3).put("apiCalls", 3);
        ObjectNode wrongSum = valid.deepCopy();
        wrongSum.put("estimatedTokens", 1);
        ObjectNode noInspection = valid.deepCopy();
        noInspection.remove("inspection");
        ObjectNode badRole = valid.deepCopy();
        ((ArrayNode) badRole.at("/agents/0/roles")).add("JANITOR");
        ObjectNode sixAgents = valid.deepCopy();
        for (int i = 0; i < 3; i++) {
            ((ArrayNode) sixAgents.get("agents")).add(sixAgents.at("/agents/2").deepCopy());
        }

        Map<ObjectNode, String> refusals = Map.of(tooMany, "agents", wrongSum, "estimatedTokens",
                noInspection, "inspection", badRole, "roles", sixAgents, "agents");
        refusals.forEach((plan, field) -> {
            Answer answer = post("/api/projects/" + projectId + "/plans", plan.toString());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.body()).contains(field);
        });
        assertThat(get("/api/projects/" + projectId + "/plans").json()).hasSize(1);
    }

    @Test
    void plans_are_the_projects_own() {
        String projectId = newId();
        String key = post("/api/projects/register", """
                {"id":"%s","name":"own-plans","owner":"o","tier":2,"tokenBudget":50000}""".formatted(projectId))
                .json().get("apiKey").asText();
        String otherProject = GovernorApi.registerProject(newId(), "other-plans", 1000);

        assertThat(post("/api/projects/" + projectId + "/plans", validPlan().toString(), key).status())
                .isEqualTo(201);
        assertThat(post("/api/projects/" + otherProject + "/plans", validPlan().toString(), key).status())
                .isEqualTo(403);
        assertThat(post("/api/projects/" + projectId + "/plans", validPlan().toString(), null).status())
                .isEqualTo(401);
        assertThat(post("/api/projects/" + newId() + "/plans", validPlan().toString()).status()).isEqualTo(404);
        assertThat(get("/api/projects/" + otherProject + "/plans/latest").status()).isEqualTo(404);
        assertThat(get("/api/projects/" + projectId + "/plans/2").status()).isEqualTo(404);
        assertThat(get("/api/projects/" + otherProject + "/plans").json()).isEmpty();
    }

    /** A three-agent plan (30 files, 40 calls) as token-gov init writes it. */
    static ObjectNode validPlan() {
        try {
            return (ObjectNode) GovernorApi.JSON.readTree("""
                    {"inspection":{"fileCount":30,"apiCalls":40,"taskComplexity":"COMPLEX","source":"PROJECT_CONFIG"},
                     "allocation":{"band":"TWO_TO_THREE","agents":3,"reason":"30 files, 40 API calls"},
                     "repository":"octocat/plans","defaultBranch":"main","branches":["main","token-gov/simulation-1"],
                     "agents":[
                      {"id":"setup","roles":["SETUP"],"branch":"main","estimatedTokens":500,"callsPerMinute":5,"contextTokens":8000},
                      {"id":"pr","roles":["PR"],"branch":"main","estimatedTokens":1000,"callsPerMinute":5,"contextTokens":8000},
                      {"id":"simulation-1","roles":["SIMULATION"],"branch":"token-gov/simulation-1","estimatedTokens":120000,"callsPerMinute":5,"contextTokens":8000}],
                     "estimatedTokens":121500,"phase0Tokens":1500,"phase0Share":0.0123,"estimateSource":"HEURISTIC"}""");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

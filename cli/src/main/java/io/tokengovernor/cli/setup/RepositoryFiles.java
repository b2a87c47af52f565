package io.tokengovernor.cli.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files the Setup agent adds to the repository, made from the workflow plan: the PR template, the seed's three
 * workflow templates (JSON) and the GitHub Actions workflow that checks them on every PR and reports the
 * {@value SetupPlan#REQUIRED_CHECK} status the branch protection requires. The same plan always gives the same
 * bytes, so a second apply finds nothing to change.
 */
public final class RepositoryFiles {

    public static final String PR_TEMPLATE = ".github/pull_request_template.md";
    public static final String ACTIONS_WORKFLOW = ".github/workflows/token-gov.yml";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RepositoryFiles() {
    }

    /** Path to content, in the order they are committed. */
    public static Map<String, String> of(JsonNode plan, String defaultBranch, int callsPerMinute) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(PR_TEMPLATE, prTemplate());
        files.put(".github/workflows/setup_workflow.json", json(setup(plan, callsPerMinute)));
        files.put(".github/workflows/pr_workflow.json", json(pr(defaultBranch, callsPerMinute)));
        files.put(".github/workflows/simulation_workflow.json", json(simulation(plan, callsPerMinute)));
        files.put(ACTIONS_WORKFLOW, actions(defaultBranch));
        return files;
    }

    public static String prTemplate() {
        return """
                ## What this changes

                {{summary}}

                ## Governed by TokenGovernor

                - Task: {{task}}
                - Plan: workflow_plan.json version {{planVersion}} ({{roles}})
                - Tokens spent on this change: {{tokens}}

                ## Checklist

                - [ ] The `governed` check passes
                - [ ] Reviewed by a person
                """;
    }

    private static ObjectNode setup(JsonNode plan, int callsPerMinute) {
        ObjectNode setup = JSON.createObjectNode().put("name", "setup").put("agent", "setup")
                .put("callsPerMinute", callsPerMinute);
        ArrayNode steps = setup.putArray("steps");
        steps.add("repository").add("files").add("branches").add("protection");
        setup.set("branches", plan.path("branches"));
        return setup;
    }

    private static ObjectNode pr(String defaultBranch, int callsPerMinute) {
        ObjectNode pr = JSON.createObjectNode().put("name", "pr").put("agent", "pr").put("baseBranch", defaultBranch)
                .put("template", PR_TEMPLATE).put("requiredReviews", SetupPlan.REQUIRED_REVIEWS)
                .put("callsPerMinute", callsPerMinute);
        pr.putArray("requiredChecks").add(SetupPlan.REQUIRED_CHECK);
        return pr;
    }

    private static ObjectNode simulation(JsonNode plan, int callsPerMinute) {
        ObjectNode simulation = JSON.createObjectNode().put("name", "simulation").put("callsPerMinute",
                callsPerMinute);
        ArrayNode agents = simulation.putArray("agents");
        for (JsonNode agent : plan.path("agents")) {
            for (JsonNode role : agent.path("roles")) {
                if (role.asText().equals("SIMULATION")) {
                    agents.addObject().put("id", agent.path("id").asText()).put("branch", agent.path("branch").asText())
                            .put("estimatedTokens", agent.path("estimatedTokens").asLong())
                            .put("contextTokens", agent.path("contextTokens").asInt());
                }
            }
        }
        return simulation;
    }

    private static String actions(String defaultBranch) {
        return """
                # Written by token-gov init --apply: reports the status check the default branch's protection requires.
                name: token-gov
                on:
                  pull_request:
                    branches: [%1$s]
                  push:
                    branches: [%1$s]
                jobs:
                  %2$s:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: The governed workflow templates are valid
                        run: |
                          for name in setup pr simulation; do
                            jq -e . ".github/workflows/${name}_workflow.json" > /dev/null
                          done
                          jq -e '.requiredChecks | index("%2$s")' .github/workflows/pr_workflow.json > /dev/null
                      - name: The plan's simulation agents
                        run: jq -r '.agents[] | "\\(.id) on \\(.branch)"' .github/workflows/simulation_workflow.json
                """.formatted(defaultBranch, SetupPlan.REQUIRED_CHECK);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

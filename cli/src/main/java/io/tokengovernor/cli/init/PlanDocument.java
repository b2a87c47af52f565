package io.tokengovernor.cli.init;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokengovernor.core.plan.PlanRole;
import io.tokengovernor.core.plan.PlannedAgent;
import io.tokengovernor.core.plan.WorkflowPlan;
import java.util.List;
import java.util.Optional;

/**
 * {@code workflow_plan.json} as written and as sent to {@code POST /api/projects/{id}/plans}; the server's answer
 * adds {@code projectId}, {@code version} and {@code createdAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PlanDocument(Inspection inspection, Allocation allocation, String repository, String defaultBranch,
        List<String> branches, List<Agent> agents, long estimatedTokens, long phase0Tokens, double phase0Share,
        String estimateSource) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Inspection(long fileCount, long apiCalls, String taskComplexity, String source) {
    }

    record Allocation(String band, int agents, String reason) {
    }

    record Agent(String id, List<PlanRole> roles, String branch, long estimatedTokens, int callsPerMinute,
            int contextTokens) {
    }

    static PlanDocument of(WorkflowPlan plan, Optional<String> repository, String estimateSource) {
        var inspection = plan.inspection();
        return new PlanDocument(new Inspection(inspection.fileCount(), inspection.apiCalls(),
                inspection.taskComplexity().name(), inspection.source().name()),
                new Allocation(plan.allocation().band().name(), plan.allocation().agents(), plan.allocation().reason()),
                repository.orElse(null), plan.defaultBranch(), plan.branches(),
                plan.agents().stream().map(PlanDocument::agentOf).toList(), plan.estimatedTokens(),
                plan.phase0Tokens(), plan.phase0Share(), estimateSource);
    }

    private static Agent agentOf(PlannedAgent agent) {
        return new Agent(agent.id(), agent.roles(), agent.branch(), agent.estimatedTokens(), agent.callsPerMinute(),
                agent.contextTokens());
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    static String pretty(String json) {
        try {
            return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(parse(json)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

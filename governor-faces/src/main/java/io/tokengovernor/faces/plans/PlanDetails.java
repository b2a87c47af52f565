package io.tokengovernor.faces.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import java.io.Serializable;
import java.util.List;

/**
 * A stored workflow plan read for the page: the {@code workflow_plan.json} that {@code token-gov init --inspect}
 * wrote and the server checked (README, "Deep inspection"). Fields the page does not show are ignored.
 */
public record PlanDetails(Inspection inspection, Allocation allocation, String repository, String defaultBranch,
        List<String> branches, List<Agent> agents, long estimatedTokens, long phase0Tokens, Double phase0Share,
        String estimateSource) implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PlanDetails {
        branches = branches == null ? List.of() : List.copyOf(branches);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** What the inspection found and where the figures came from. */
    public record Inspection(long fileCount, long apiCalls, String taskComplexity, String source)
            implements Serializable {

        public ProjectInspection toCore() {
            return new ProjectInspection(fileCount, apiCalls, Complexity.valueOf(taskComplexity),
                    ProjectInspection.Source.valueOf(source));
        }

        public String sourceLabel() {
            return "WORKING_TREE".equals(source) ? "counted in the working tree (no project_config.json)"
                    : "project_config.json";
        }
    }

    /** The allocation as the plan states it; the page explains it from the inspection again. */
    public record Allocation(String band, Integer agents, String reason) implements Serializable {
    }

    /** One planned agent: its roles, branch, token estimate and limits. */
    public record Agent(String id, List<String> roles, String branch, long estimatedTokens, int callsPerMinute,
            int contextTokens) implements Serializable {

        public Agent {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** Reads a stored plan's JSON. */
    public static PlanDetails parse(String json) {
        try {
            PlanDetails plan = JSON.readValue(json, PlanDetails.class);
            if (plan.inspection() == null) {
                throw new IllegalArgumentException("a stored plan has no inspection");
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored plan is not a workflow plan: " + e.getOriginalMessage(), e);
        }
    }

    /** The tokens of the project's own work: everything but setup and PRs. */
    public long workTokens() {
        return estimatedTokens - phase0Tokens;
    }

    /** Setup and PRs as a share of the whole estimate, 0 to 1. */
    public double phase0ShareOrComputed() {
        if (phase0Share != null) {
            return phase0Share;
        }
        return estimatedTokens == 0 ? 0 : (double) phase0Tokens / estimatedTokens;
    }

    /** Where the token estimates came from, in words. */
    public String estimateSourceLabel() {
        if (estimateSource == null) {
            return "not stated";
        }
        return switch (estimateSource) {
            case "SERVER" -> "the server's estimator (the history of each role's tasks)";
            case "HEURISTIC" -> "the complexity heuristic (SIMPLE 500, COMPLEX 3,000, VERY_COMPLEX 10,000 tokens a task)";
            default -> estimateSource;
        };
    }

    /** The tag colour of a role: setup blue, PR orange, the work green. */
    public static String roleSeverity(String role) {
        return switch (role) {
            case "SETUP" -> "info";
            case "PR" -> "warning";
            case "SIMULATION" -> "success";
            default -> "secondary";
        };
    }
}

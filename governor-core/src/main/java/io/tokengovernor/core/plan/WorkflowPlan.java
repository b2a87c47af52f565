package io.tokengovernor.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan deep inspection writes to {@code workflow_plan.json}: the inspection, the allocation and why, one entry
 * per agent with its roles, branch, token estimate and rate limit, and the share of the tokens that Phase 0 itself
 * (setup and PRs) is expected to take.
 *
 * <p>How the estimate is made: the project's work is {@code max(1, apiCalls)} tasks of its complexity, split evenly
 * over the simulation agents; setup is one SIMPLE task; the PR agent makes one PR per simulation agent plus the
 * plan's own PR, each a SIMPLE task.
 */
public record WorkflowPlan(ProjectInspection inspection, AgentAllocation allocation, String defaultBranch,
        List<String> branches, List<PlannedAgent> agents, long estimatedTokens, long phase0Tokens) {

    /** The seed's default: five external calls a minute per agent. */
    public static final int DEFAULT_CALLS_PER_MINUTE = 5;
    /** The seed's Phase 0 agents have an 8k-token context. */
    public static final int CONTEXT_TOKENS = 8_000;

    public WorkflowPlan {
        branches = List.copyOf(branches);
        agents = List.copyOf(agents);
    }

    /** The plan for an inspection, its estimates from {@code estimates}. */
    public static WorkflowPlan of(ProjectInspection inspection, String defaultBranch, int callsPerMinute,
            RoleEstimates estimates) {
        AgentAllocation allocation = AgentAllocation.of(inspection);
        List<List<PlanRole>> roles = rolesOf(allocation.agents());
        long simulationAgents = roles.stream().filter(r -> r.contains(PlanRole.SIMULATION)).count();
        long workTasks = Math.max(1, inspection.apiCalls());
        long workTokens = workTasks * estimates.tokensPerTask(PlanRole.SIMULATION,
                PlanRole.SIMULATION.complexityIn(inspection.taskComplexity()));
        long setupTokens = estimates.tokensPerTask(PlanRole.SETUP, PlanRole.SETUP.complexityIn(inspection.taskComplexity()));
        long prTokens = (simulationAgents + 1) * estimates.tokensPerTask(PlanRole.PR,
                PlanRole.PR.complexityIn(inspection.taskComplexity()));

        List<PlannedAgent> agents = new ArrayList<>();
        List<String> branches = new ArrayList<>(List.of(defaultBranch));
        int simulationNumber = 0;
        for (int i = 0; i < roles.size(); i++) {
            List<PlanRole> agentRoles = roles.get(i);
            long tokens = 0;
            String branch = defaultBranch;
            if (agentRoles.contains(PlanRole.SETUP)) {
                tokens += setupTokens;
            }
            if (agentRoles.contains(PlanRole.PR)) {
                tokens += prTokens;
            }
            if (agentRoles.contains(PlanRole.SIMULATION)) {
                simulationNumber++;
                tokens += share(workTokens, simulationAgents, simulationNumber);
                branch = "token-gov/simulation-" + simulationNumber;
                branches.add(branch);
            }
            agents.add(new PlannedAgent(idOf(agentRoles, simulationNumber), agentRoles, branch, tokens,
                    callsPerMinute, CONTEXT_TOKENS));
        }
        return new WorkflowPlan(inspection, allocation, defaultBranch, branches, agents,
                workTokens + setupTokens + prTokens, setupTokens + prTokens);
    }

    /** Phase 0's expected share of all tokens (setup and PRs over everything), 0 to 1. */
    public double phase0Share() {
        return estimatedTokens == 0 ? 0 : (double) phase0Tokens / estimatedTokens;
    }

    /** Which roles each of n agents plays: setup and PR first, the rest do the work. */
    static List<List<PlanRole>> rolesOf(int agents) {
        return switch (agents) {
            case 1 -> List.of(List.of(PlanRole.SETUP, PlanRole.PR, PlanRole.SIMULATION));
            case 2 -> List.of(List.of(PlanRole.SETUP, PlanRole.PR), List.of(PlanRole.SIMULATION));
            default -> {
                List<List<PlanRole>> roles = new ArrayList<>(List.of(List.of(PlanRole.SETUP), List.of(PlanRole.PR)));
                for (int i = 2; i < agents; i++) {
                    roles.add(List.of(PlanRole.SIMULATION));
                }
                yield roles;
            }
        };
    }

    private static long share(long total, long parts, int number) {
        long base = total / parts;
        return number <= total % parts ? base + 1 : base;
    }

    private static String idOf(List<PlanRole> roles, int simulationNumber) {
        if (roles.size() == 1 && roles.get(0) == PlanRole.SIMULATION) {
            return "simulation-" + simulationNumber;
        }
        return String.join("+", roles.stream().map(PlanRole::agentType).toList());
    }
}

package io.tokengovernor.core.plan;

import java.util.List;

/**
 * One agent of a workflow plan: the roles it plays, the branch it works on, its token estimate and its limits
 * (external calls a minute, context size). Phase 0 agents are stateless and small by design.
 */
public record PlannedAgent(String id, List<PlanRole> roles, String branch, long estimatedTokens, int callsPerMinute,
        int contextTokens) {

    public PlannedAgent {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an agent needs at least one role");
        }
        if (estimatedTokens < 0 || callsPerMinute < 1 || contextTokens < 1) {
            throw new IllegalArgumentException("agent " + id + ": estimate, call rate and context must be positive");
        }
    }

    public boolean plays(PlanRole role) {
        return roles.contains(role);
    }
}

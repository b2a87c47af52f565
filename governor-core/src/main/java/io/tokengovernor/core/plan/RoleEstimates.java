package io.tokengovernor.core.plan;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskEstimate;

/**
 * The tokens one task of a role is expected to take: the server's estimator (history of similar completed tasks)
 * when it is reachable, otherwise the complexity heuristic.
 */
@FunctionalInterface
public interface RoleEstimates {

    long tokensPerTask(PlanRole role, Complexity complexity);

    /** The complexity heuristic alone (SIMPLE 500, COMPLEX 3,000, VERY_COMPLEX 10,000 tokens a task). */
    static RoleEstimates heuristic() {
        return (role, complexity) -> TaskEstimate.of(complexity, null).estimatedTokens();
    }
}

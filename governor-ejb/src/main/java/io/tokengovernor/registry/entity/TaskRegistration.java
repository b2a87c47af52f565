package io.tokengovernor.registry.entity;

import io.tokengovernor.core.registry.TaskEstimate;

/**
 * What a client says about a task when registering it, after the estimate has been filled in.
 * {@code estimateGiven} and {@code budgetGiven} say whether the client named them: an estimate the
 * client left out may come from history instead, and is not compared on a repeated registration.
 */
public record TaskRegistration(String projectId, String agentId, String agentType, String packageId,
        String parentTaskId, TaskEstimate estimate, long tokenBudget, String description, Integer tier,
        boolean estimateGiven, boolean budgetGiven) {

    public TaskRegistration(String projectId, String agentId, String agentType, String packageId,
            String parentTaskId, TaskEstimate estimate, long tokenBudget, String description, Integer tier) {
        this(projectId, agentId, agentType, packageId, parentTaskId, estimate, tokenBudget, description, tier, true,
                true);
    }

    /** The same registration with an estimate learnt from history (and the budget following it if not given). */
    public TaskRegistration withLearntEstimate(long tokens) {
        return new TaskRegistration(projectId, agentId, agentType, packageId, parentTaskId,
                new TaskEstimate(estimate.complexity(), tokens), budgetGiven ? tokenBudget : tokens, description,
                tier, false, budgetGiven);
    }
}

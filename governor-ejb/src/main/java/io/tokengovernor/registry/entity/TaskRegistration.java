package io.tokengovernor.registry.entity;

import io.tokengovernor.core.registry.TaskEstimate;

/** What a client says about a task when registering it, after the estimate has been filled in. */
public record TaskRegistration(String projectId, String agentId, String agentType, String packageId,
        String parentTaskId, TaskEstimate estimate, long tokenBudget, String description, Integer tier) {
}

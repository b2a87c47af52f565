package io.tokengovernor.cli.task;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of POST /api/tasks/register; unset options are left out so the server applies its defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskRegistration(
        String id,
        String projectId,
        String agentId,
        String agentType,
        String packageId,
        String parentTaskId,
        String complexity,
        Long estimatedTokens,
        Long tokenBudget,
        String description) {
}

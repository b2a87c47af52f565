package io.tokengovernor.inspector.boundary.overview;

import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.registry.TaskState;
import java.time.Instant;

/** The directive a task would get now, with the task's numbers and when it last changed. */
public record TaskDirective(String taskId, String projectId, String projectName, String description,
        TaskState state, DirectiveAction action, long used, long reserved, long budget, double threshold,
        String reason, Instant lastActivity) {
}

package io.tokengovernor.inspector.boundary.overview;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.CheckpointState;
import java.time.Instant;

/** A task as a project's page lists it. */
public record TaskLine(String id, String description, TaskState state, CheckpointState checkpointState,
        long used, long reserved, long budget, Double threshold, boolean pausedWithoutCheckpoint,
        Instant updatedAt) {
}

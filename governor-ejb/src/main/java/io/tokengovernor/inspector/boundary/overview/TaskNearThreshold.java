package io.tokengovernor.inspector.boundary.overview;

import io.tokengovernor.core.registry.TaskState;

/**
 * A task whose spent plus held tokens come within {@link #MARGIN} of its checkpoint threshold, or
 * that was paused without a saved checkpoint.
 */
public record TaskNearThreshold(String taskId, String projectId, String projectName, String description,
        TaskState state, String checkpointState, long used, long reserved, long budget, double threshold,
        boolean pausedWithoutCheckpoint) {

    /** How far below its threshold a task counts as near it: ten percentage points of its budget. */
    public static final double MARGIN = 0.10;

    /** Share of the budget spent or held, {@code (used + reserved) / budget}; a zero budget counts as full. */
    public double utilisation() {
        return budget <= 0 ? 1.0 : (double) (used + reserved) / budget;
    }
}

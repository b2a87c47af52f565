package io.tokengovernor.core.governance;

import io.tokengovernor.core.registry.TaskState;
import java.time.Instant;

/** Everything the engine keeps of a task apart from its recent calls: what a server stores in the task's row. */
public record TaskSnapshot(String id, String projectId, String packageId, String agentId, String agentType,
        Integer tier, long estimatedTokens, long budget, long used, TaskState state, CheckpointState checkpointState,
        Instant checkpointRequestedAt, Instant pauseDueAt, PauseCause pauseCause, Double threshold, Long typicalStep,
        boolean pausedWithoutCheckpoint, Instant queuedAt, int resumes) {
}

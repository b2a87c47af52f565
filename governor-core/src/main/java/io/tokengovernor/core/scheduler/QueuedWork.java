package io.tokengovernor.core.scheduler;

import java.time.Instant;

/**
 * A paused task or package waiting for tokens. A task of a package carries its package's deadline,
 * so that the queue orders it with the package.
 *
 * @param tier              the project's priority tier: 1 high, 2 low
 * @param priority          higher resumes first within a tier and deadline
 * @param deadline          the package deadline, or null when there is none
 * @param remainingEstimate tokens the work is expected to need until it completes
 */
public record QueuedWork(String id, WorkKind kind, String projectId, int tier, int priority, Instant deadline,
        Instant queuedAt, long remainingEstimate) {

    public QueuedWork {
        if (id == null || kind == null || projectId == null || queuedAt == null) {
            throw new IllegalArgumentException("queued work needs an id, a kind, a project and the time it was queued");
        }
        if (tier != 1 && tier != 2) {
            throw new IllegalArgumentException("tier must be 1 or 2, got " + tier + " for " + id);
        }
        if (remainingEstimate < 0) {
            throw new IllegalArgumentException(
                    "remaining estimate must not be negative, got " + remainingEstimate + " for " + id);
        }
    }

    /**
     * What a paused task is expected to need until it completes: its estimate minus what it used, but at least one
     * more typical call (a task past its estimate is not done), and never more than its budget leaves.
     *
     * @param taskBudget  the task's own budget, 0 for none
     * @param typicalStep the task's typical call (p90 of its recent calls), 0 when unknown
     */
    public static long remainingOf(long estimated, long used, long taskBudget, long typicalStep) {
        long remaining = Math.max(Math.max(estimated - used, typicalStep), 1);
        return taskBudget > 0 ? Math.max(1, Math.min(taskBudget - used, remaining)) : remaining;
    }
}

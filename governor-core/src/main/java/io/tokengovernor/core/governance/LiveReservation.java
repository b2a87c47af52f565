package io.tokengovernor.core.governance;

import java.time.Instant;

/** Tokens held for one call about to be made, at the task, its package and its project. */
public record LiveReservation(String id, String taskId, String packageId, String projectId, long tokens,
        Instant createdAt, Instant expiresAt) {
}

package io.tokengovernor.inspector.boundary.overview;

import java.time.Instant;

/** A checkpoint asked of a task, and what was saved (null times and uri while it is still awaited). */
public record CheckpointLine(String id, String taskId, String projectId, String projectName, String reason,
        Instant requestedAt, Instant savedAt, String uri) {

    public boolean isSaved() {
        return savedAt != null;
    }
}

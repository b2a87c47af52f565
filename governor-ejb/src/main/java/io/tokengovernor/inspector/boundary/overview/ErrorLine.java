package io.tokengovernor.inspector.boundary.overview;

import java.time.Instant;

/** One entry of the error log, with the name of the project it concerns (null for none). */
public record ErrorLine(String id, Instant occurredAt, String kind, String source, String detail,
        String projectId, String projectName) {
}

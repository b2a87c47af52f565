package io.tokengovernor.inspector.boundary.overview;

import io.tokengovernor.notify.entity.OutboxMessage;
import java.time.Instant;

/** One webhook notification: where it is in its delivery and why the last attempt failed. */
public record Delivery(String id, String projectId, String projectName, String eventType,
        OutboxMessage.State state, int attempts, String lastError, Instant createdAt, Instant deliveredAt) {
}

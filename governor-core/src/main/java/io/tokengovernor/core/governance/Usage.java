package io.tokengovernor.core.governance;

import java.time.Instant;

/**
 * One usage event as the engine counts it: its idempotency key, the task, when the call was made, its total
 * tokens and the reservation it settles (or null: usage without a reservation).
 */
public record Usage(String eventId, String taskId, Instant occurredAt, long tokens, String reservationId) {

    public Usage {
        if (eventId == null || taskId == null || occurredAt == null || tokens < 0) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "usage",
                    "a usage event needs an event id, a task, a time and tokens >= 0");
        }
    }
}

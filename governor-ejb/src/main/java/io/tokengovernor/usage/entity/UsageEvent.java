package io.tokengovernor.usage.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One model call's token usage as reported by an agent or read from a log: an immutable ledger row.
 * The event id is the idempotency key: a repeated id is accepted and never counted twice.
 */
public record UsageEvent(String eventId, String taskId, String agentId, Instant timestamp, String model,
        long inputTokens, long outputTokens, long cacheCreationTokens, long cacheReadTokens, Double costUsd,
        String source, String reservationId) {

    public UsageEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (inputTokens < 0 || outputTokens < 0 || cacheCreationTokens < 0 || cacheReadTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        source = source == null ? "sdk" : source;
    }

    /** Every token the call consumed, cache reads and writes included. */
    public long totalTokens() {
        return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
    }
}

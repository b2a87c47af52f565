package io.tokengovernor.inspector.entity;

import io.tokengovernor.core.inspector.Directive;
import java.time.Instant;

/** The answer to a reservation request: granted or not, until when, and the task's directive. */
public record Reservation(String reservationId, boolean granted, long tokens, Instant expiresAt, String reason,
        Directive directive) {
}

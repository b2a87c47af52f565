package io.tokengovernor.core.governance;

import io.tokengovernor.core.inspector.Directive;
import java.time.Instant;

/**
 * What a command changed, for the caller to persist (the server, in one transaction) or to count (a replay).
 * The engine's own model has already moved; facts are its journal, in the order things happened.
 */
public sealed interface Fact {

    /** Tokens held at task, package (when there is one) and project for a call about to be made. */
    record ReservationHeld(String reservationId, String taskId, String packageId, String projectId, long tokens,
            Instant at, Instant expiresAt) implements Fact {
    }

    /** A held reservation ended: SETTLED by usage, RELEASED by hand or a pause, EXPIRED by the sweep. */
    record ReservationClosed(String reservationId, String taskId, String packageId, String projectId, long tokens,
            ReservationEnd end, Instant at) implements Fact {
    }

    /** A usage event counted once towards task, package, project, agent and the project's window. */
    record UsageCounted(String eventId, String taskId, String packageId, String projectId, String agentId,
            Instant occurredAt, Instant windowStart, long tokens) implements Fact {
    }

    /** The task was asked to save a checkpoint (one row per request on the server), with the directive then. */
    record CheckpointRequested(String taskId, String projectId, CheckpointReason reason, Directive directive,
            Instant at) implements Fact {
    }

    /** A new checkpoint cycle began because a budget window rolled over: request and due pause are gone. */
    record CycleStarted(String taskId, Instant at) implements Fact {
    }

    /** A pause became due; it takes effect when the checkpoint grace is over. */
    record PauseDue(String taskId, PauseCause cause, Instant at) implements Fact {
    }

    /** The task paused (and, unless paused by hand, joined the scheduler's queue: {@code queued}). */
    record Paused(String taskId, String projectId, String reason, boolean withoutCheckpoint, boolean queued,
            Instant at) implements Fact {
    }

    /** The scheduler (or a person) resumed the task: a new cycle. */
    record Resumed(String taskId, String reason, Instant at) implements Fact {
    }

    /** The threshold and typical step the last decision used, kept for status and the scheduler. */
    record ThresholdApplied(String taskId, double threshold, long typicalStep) implements Fact {
    }

    /** Tokens of a project became free (a release or an expiry): a scheduler pass may resume work. */
    record TokensFreed(String projectId, String why) implements Fact {
    }

    /** A directive decided for a task, to publish (SSE, hooks) once the facts are durable. */
    record DirectiveIssued(String projectId, Directive directive) implements Fact {
    }

    /** How a held reservation ended. */
    enum ReservationEnd {
        SETTLED, RELEASED, EXPIRED
    }
}

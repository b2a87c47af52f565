package io.tokengovernor.notify.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One webhook notification waiting to be delivered, delivered, or given up on (a dead letter). */
@Entity
@Table(name = "webhook_outbox")
public class OutboxMessage {

    /** Where a message is in its delivery. */
    public enum State { PENDING, DELIVERED, DEAD }

    @Id
    private String id;
    @Column(name = "project_id")
    private String projectId;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    private String state;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(String projectId, String eventType, String payload, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.projectId = projectId;
        this.eventType = eventType;
        this.payload = payload;
        this.state = State.PENDING.name();
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED.name();
        deliveredAt = now;
        lastError = null;
    }

    /**
     * A failed attempt: retried after {@code backoff × 2^(attempt − 1)}, and after the last retry kept
     * as a dead letter.
     */
    public void failed(String error, Instant now, int maxRetries, Duration backoff) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts > maxRetries) {
            state = State.DEAD.name();
            return;
        }
        nextAttemptAt = now.plus(backoff.multipliedBy(1L << (attempts - 1)));
    }

    public String getId() {
        return id;
    }

    public String getProjectId() {
        return projectId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public State getState() {
        return State.valueOf(state);
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}

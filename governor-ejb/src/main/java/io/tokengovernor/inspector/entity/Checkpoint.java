package io.tokengovernor.inspector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A checkpoint the governor asked a task for, and what the agent reported saving. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint {

    /** Why a checkpoint was asked for. */
    public enum Reason { THRESHOLD, BUDGET, PAUSE, PREEMPTIVE }

    @Id
    private String id;
    @Column(name = "task_id")
    private String taskId;
    private String reason;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "saved_at")
    private Instant savedAt;
    private String uri;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    private String summary;

    protected Checkpoint() {
    }

    public Checkpoint(String taskId, Reason reason, Instant requestedAt) {
        this.id = UUID.randomUUID().toString();
        this.taskId = Objects.requireNonNull(taskId);
        this.reason = reason.name();
        this.requestedAt = requestedAt;
    }

    public void saved(String savedUri, Long size, String savedSummary, Instant at) {
        this.uri = savedUri;
        this.sizeBytes = size;
        this.summary = savedSummary;
        this.savedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public String getUri() {
        return uri;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getSummary() {
        return summary;
    }
}

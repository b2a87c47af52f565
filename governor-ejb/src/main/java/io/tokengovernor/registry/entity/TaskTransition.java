package io.tokengovernor.registry.entity;

import io.tokengovernor.core.registry.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change of a task's state: from, to, why and when. Immutable. */
@Entity
@Table(name = "task_transition")
public class TaskTransition {

    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private TaskState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private TaskState toState;
    private String reason;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    /** Position in the task's history: transitions within one millisecond keep their order. */
    private int seq;

    protected TaskTransition() {
    }

    TaskTransition(Task task, int seq, TaskState fromState, TaskState toState, String reason, Instant occurredAt) {
        this.seq = seq;
        this.id = UUID.randomUUID().toString();
        this.task = task;
        this.fromState = fromState;
        this.toState = toState;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }

    public TaskState getFromState() {
        return fromState;
    }

    public TaskState getToState() {
        return toState;
    }

    public String getReason() {
        return reason;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}

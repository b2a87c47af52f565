package io.tokengovernor.core.registry;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a task: {@code REGISTERED → RUNNING → PAUSED → QUEUED → RUNNING … → COMPLETED | FAILED | CANCELLED}.
 */
public enum TaskState {
    REGISTERED, RUNNING, PAUSED, QUEUED, COMPLETED, FAILED, CANCELLED;

    /** Whether a task in this state may move to {@code next}. */
    public boolean canMoveTo(TaskState next) {
        return successors().contains(next);
    }

    public Set<TaskState> successors() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(RUNNING, PAUSED, QUEUED, CANCELLED, FAILED);
            case RUNNING -> EnumSet.of(PAUSED, COMPLETED, FAILED, CANCELLED);
            case PAUSED -> EnumSet.of(QUEUED, RUNNING, CANCELLED, FAILED);
            case QUEUED -> EnumSet.of(RUNNING, PAUSED, CANCELLED, FAILED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    public boolean isActive() {
        return this == RUNNING;
    }
}

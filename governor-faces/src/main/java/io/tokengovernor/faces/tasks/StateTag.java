package io.tokengovernor.faces.tasks;

import io.tokengovernor.core.registry.TaskState;

/** The colour of a task state's tag, the same on every page: where the task stands at a glance. */
public final class StateTag {

    private StateTag() {
    }

    public static String severity(TaskState state) {
        return switch (state) {
            case RUNNING, COMPLETED -> "success";
            case PAUSED, QUEUED -> "warning";
            case FAILED, CANCELLED -> "danger";
            case REGISTERED -> "info";
        };
    }
}

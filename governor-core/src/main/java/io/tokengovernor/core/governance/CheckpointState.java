package io.tokengovernor.core.governance;

/** Where a task's current checkpoint cycle stands. */
public enum CheckpointState {
    NONE, REQUESTED, SAVED
}

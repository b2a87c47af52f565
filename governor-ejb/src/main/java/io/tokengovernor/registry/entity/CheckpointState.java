package io.tokengovernor.registry.entity;

/** Whether a task has been asked to save its work, and whether it has. */
public enum CheckpointState {
    NONE, REQUESTED, SAVED
}

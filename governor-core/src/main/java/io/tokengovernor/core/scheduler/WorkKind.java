package io.tokengovernor.core.scheduler;

/** What waits in the scheduler's queue: a single task, or a package whose tasks pause and resume together. */
public enum WorkKind {
    TASK,
    PACKAGE
}

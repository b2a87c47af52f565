package io.tokengovernor.core.governance;

/** Why a checkpoint was asked for (or recorded): the names of the server's checkpoint rows. */
public enum CheckpointReason {
    /** The adaptive threshold of the task or its project was reached. */
    THRESHOLD,
    /** A budget is spent or a reservation was refused: a pause is due. */
    BUDGET,
    /** Tier-1 work of the project needed the tokens of this tier-2 task. */
    PREEMPTIVE,
    /** The task was paused by hand without a saved checkpoint. */
    PAUSE
}

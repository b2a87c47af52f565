package io.tokengovernor.core.governance;

/** Which budget made a task's pause due. */
public enum PauseCause {
    /** The task's own budget: spent, or too small for its next call. Only a raise helps. */
    TASK,
    /** Its package's budget (the sum of its tasks' budgets). Only a raise helps; the whole package pauses. */
    PACKAGE,
    /** Its project's budget in the current window. A window reset frees it; the whole package pauses. */
    PROJECT;

    public boolean needsRaise() {
        return this != PROJECT;
    }
}

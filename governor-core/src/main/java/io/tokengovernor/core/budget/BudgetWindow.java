package io.tokengovernor.core.budget;

/** The period after which a project's token budget starts afresh. */
public enum BudgetWindow {
    /** The budget is a lifetime cap. */
    NONE,
    /** Five-hour windows aligned like Claude's usage blocks. */
    ROLLING_5H,
    DAILY,
    WEEKLY,
    MONTHLY
}

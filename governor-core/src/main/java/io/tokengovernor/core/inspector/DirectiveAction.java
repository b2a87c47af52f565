package io.tokengovernor.core.inspector;

/** What the governor tells an agent to do next. */
public enum DirectiveAction {
    /** Go on spending. */
    CONTINUE,
    /** Save your work now: the budget is close. */
    CHECKPOINT,
    /** Stop: the budget is spent (or the work was preempted). */
    PAUSE
}

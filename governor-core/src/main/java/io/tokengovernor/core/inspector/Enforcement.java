package io.tokengovernor.core.inspector;

import io.tokengovernor.core.budget.TokenBalance;

/**
 * The directive rule: PAUSE once a task has spent its budget, CHECKPOINT once spent plus held
 * tokens reach the threshold (until a checkpoint is saved), CONTINUE otherwise.
 */
public final class Enforcement {

    private Enforcement() {
    }

    public static Directive directive(String taskId, TokenBalance task, double threshold, boolean checkpointSaved,
            long estimatedTokens) {
        long remainingEstimate = Math.max(0, estimatedTokens - task.used());
        if (task.exhausted()) {
            return new Directive(taskId, DirectiveAction.PAUSE, task.used(), task.reserved(), task.budget(),
                    threshold, remainingEstimate, "budget exhausted: " + task.used() + " of " + task.budget()
                            + " tokens used");
        }
        if (!checkpointSaved && task.utilisation() >= threshold) {
            return new Directive(taskId, DirectiveAction.CHECKPOINT, task.used(), task.reserved(), task.budget(),
                    threshold, remainingEstimate, "threshold reached: " + Math.round(task.utilisation() * 100)
                            + "% of the budget used or reserved, threshold " + Math.round(threshold * 100) + "%");
        }
        return new Directive(taskId, DirectiveAction.CONTINUE, task.used(), task.reserved(), task.budget(),
                threshold, remainingEstimate, "within budget");
    }

    /** Whether spending moved the task across its threshold just now (for the one-time request). */
    public static boolean crossed(TokenBalance before, TokenBalance after, double threshold) {
        return before.utilisation() < threshold && after.utilisation() >= threshold;
    }
}

package io.tokengovernor.core.inspector;

/**
 * The governor's instruction to one task, with the numbers behind it (DESIGN.md §6): tokens used and
 * reserved against the budget, the checkpoint threshold as a share of the budget, and the tokens
 * the task is still expected to need.
 */
public record Directive(String taskId, DirectiveAction action, long used, long reserved, long budget,
        double threshold, long remainingEstimate, String reason) {
}

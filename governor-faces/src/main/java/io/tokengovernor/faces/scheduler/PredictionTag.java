package io.tokengovernor.faces.scheduler;

/**
 * How a queued task's prediction reads on the scheduler page: the colour of its tag and a sentence
 * that says what the task waits for. A task no pass has looked at yet has no prediction.
 */
public final class PredictionTag {

    static final String NOT_PREDICTED = "NOT PREDICTED YET";

    private PredictionTag() {
    }

    public static String label(String prediction) {
        return prediction == null || prediction.isBlank() ? NOT_PREDICTED : prediction;
    }

    /** NOW green, AT_WINDOW_RESET blue, NOT_WITHIN_BUDGET orange, NEEDS_TASK_BUDGET_RAISE red. */
    public static String severity(String prediction) {
        return switch (label(prediction)) {
            case "NOW" -> "success";
            case "AT_WINDOW_RESET" -> "info";
            case "NOT_WITHIN_BUDGET" -> "warning";
            case "NEEDS_TASK_BUDGET_RAISE" -> "danger";
            default -> "secondary";
        };
    }

    public static String description(String prediction) {
        return switch (label(prediction)) {
            case "NOW" -> "Its project has the tokens: the next pass resumes it, within the rate limit.";
            case "AT_WINDOW_RESET" -> "Its project's budget window resets at the predicted time and frees the tokens.";
            case "NOT_WITHIN_BUDGET" -> "No window reset frees enough tokens: raise the project's budget.";
            case "NEEDS_TASK_BUDGET_RAISE" -> "The task has spent its own budget: raise it with PATCH /api/tasks/{id}.";
            default -> "The scheduler's next pass predicts when it resumes.";
        };
    }
}

package io.tokengovernor.core.inspector;

/**
 * Chooses the share of a task's budget at which the governor asks for a checkpoint, so that the
 * request comes at least one typical step (observed p90 tokens per call) before the budget is
 * gone: {@code threshold ≤ 1 − step / budget}, never above the configured default, kept within the
 * configured bounds.
 */
public final class AdaptiveThreshold {

    private AdaptiveThreshold() {
    }

    public static double forTask(long budget, long typicalStepTokens, ThresholdSettings settings) {
        if (budget <= 0 || typicalStepTokens <= 0) {
            return settings.defaultThreshold();
        }
        double leavesOneStep = 1.0 - (double) typicalStepTokens / budget;
        double threshold = Math.min(settings.defaultThreshold(), leavesOneStep);
        return Math.max(settings.min(), Math.min(settings.max(), threshold));
    }
}

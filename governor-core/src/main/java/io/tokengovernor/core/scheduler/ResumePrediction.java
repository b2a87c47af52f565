package io.tokengovernor.core.scheduler;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When queued work is expected to resume and with how many tokens its project will have then: shown in
 * the scheduler status, recorded, and compared with the actual {@link ResumeDecision.Resume} later.
 *
 * <p>The prediction looks at the work alone: the caller passes as {@code availableNow} what its project
 * has left after the work ahead of it in the queue. A window reset is taken to give back the full budget.
 *
 * @param resumeAt        null when the work cannot resume within its project's budget
 * @param tokensAvailable the project's tokens at {@code resumeAt}
 * @param tokensNeeded    {@code remainingEstimate × safetyFactor}
 * @param raiseNeeded     for {@link Outcome#NOT_WITHIN_BUDGET}, how much the budget must grow; 0 otherwise
 */
public record ResumePrediction(Outcome outcome, Instant resumeAt, long tokensAvailable, long tokensNeeded,
        long raiseNeeded) {

    /** The three answers a prediction can give. */
    public enum Outcome {
        /** The project has the tokens now; the next pass resumes it. */
        NOW,
        /** The next window reset gives the project enough tokens. */
        AT_WINDOW_RESET,
        /** Not even a full budget covers it: only a budget raise lets it resume. */
        NOT_WITHIN_BUDGET
    }

    /**
     * @param availableNow        the project's {@code budget − used − reserved} now
     * @param projectBudget       the project's budget per window
     * @param currentRollingStart start of the open ROLLING_5H window, or null
     */
    public static ResumePrediction predict(QueuedWork work, long availableNow, long projectBudget,
            BudgetWindow window, Instant now, ZoneId zone, Instant currentRollingStart, SchedulerRules rules) {
        long needed = rules.tokensToResume(work.remainingEstimate());
        long available = Math.max(0, availableNow);
        if (available >= needed) {
            return new ResumePrediction(Outcome.NOW, now, available, needed, 0);
        }
        Optional<Instant> reset = BudgetWindows.nextStart(window, now, zone, currentRollingStart);
        if (reset.isPresent() && projectBudget >= needed) {
            return new ResumePrediction(Outcome.AT_WINDOW_RESET, reset.get(), projectBudget, needed, 0);
        }
        long raise = reset.isPresent() ? needed - projectBudget : needed - available;
        return new ResumePrediction(Outcome.NOT_WITHIN_BUDGET, null, available, needed, raise);
    }
}

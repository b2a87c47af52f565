package io.tokengovernor.core.simulation;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.scheduler.SchedulerRules;

import java.time.ZoneId;

/**
 * What a replay enforces: a budget per task (session) and/or per project (log project folder), the
 * window after which both start afresh, the checkpoint thresholds, the grace a task gets to save a
 * requested checkpoint before a pause takes effect, and the scheduler's rules.
 *
 * @param taskBudget  tokens per task and window; 0 means no task budget
 * @param projectBudget tokens per project and window; 0 means no project budget
 */
public record Policy(long taskBudget, long projectBudget, BudgetWindow window, ZoneId zone,
        ThresholdSettings thresholds, long checkpointGraceSeconds, SchedulerRules rules) {

    public static final long DEFAULT_GRACE_SECONDS = 60;

    public Policy {
        if (taskBudget < 0 || projectBudget < 0) {
            throw new InvalidPolicy("budgets must not be negative, got task " + taskBudget + ", project "
                    + projectBudget);
        }
        if (taskBudget == 0 && projectBudget == 0) {
            throw new InvalidPolicy("a policy needs a task budget or a project budget (or both)");
        }
        if (checkpointGraceSeconds < 0) {
            throw new InvalidPolicy("checkpoint grace must not be negative, got " + checkpointGraceSeconds);
        }
        if (window == null || zone == null || thresholds == null || rules == null) {
            throw new InvalidPolicy("a policy needs a window, a zone, thresholds and scheduler rules");
        }
    }

    /** Default window NONE, zone UTC, thresholds, grace and rules; the budgets as given. */
    public static Policy of(long taskBudget, long projectBudget) {
        return new Policy(taskBudget, projectBudget, BudgetWindow.NONE, ZoneId.of("UTC"), ThresholdSettings.DEFAULTS,
                DEFAULT_GRACE_SECONDS, SchedulerRules.DEFAULTS);
    }

    /**
     * The same policy with another default threshold (the bounds widen to contain it) and safety factor: one
     * point of the optimiser's search.
     */
    public Policy tuned(double threshold, double safetyFactor) {
        ThresholdSettings settings = new ThresholdSettings(threshold, Math.min(thresholds.min(), threshold),
                Math.max(thresholds.max(), threshold));
        SchedulerRules tunedRules = new SchedulerRules(rules.resumesPerMinute(), safetyFactor,
                rules.agingHoursPerTier(), rules.backfill(), rules.maxProjectShare(), rules.passIntervalSeconds());
        return new Policy(taskBudget, projectBudget, window, zone, settings, checkpointGraceSeconds, tunedRules);
    }

    public Policy withWindow(BudgetWindow newWindow, ZoneId newZone) {
        return new Policy(taskBudget, projectBudget, newWindow, newZone, thresholds, checkpointGraceSeconds, rules);
    }

    public Policy withThresholds(ThresholdSettings settings) {
        return new Policy(taskBudget, projectBudget, window, zone, settings, checkpointGraceSeconds, rules);
    }

    public Policy withGrace(long seconds) {
        return new Policy(taskBudget, projectBudget, window, zone, thresholds, seconds, rules);
    }

    public Policy withRules(SchedulerRules newRules) {
        return new Policy(taskBudget, projectBudget, window, zone, thresholds, checkpointGraceSeconds, newRules);
    }
}

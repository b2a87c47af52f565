package io.tokengovernor.core.scheduler;

/** Why queued work was not resumed in a pass. */
public enum SkipReason {
    /** Its project has fewer tokens than {@code remainingEstimate × safetyFactor}. */
    NO_TOKENS,
    /** An earlier item of its project did not fit, and backfill is off or could not place it. */
    BEHIND_BLOCKED_WORK,
    /** Its project already took its share of this pass's resumes while other projects wait. */
    FAIRNESS_CAP,
    /** The pass had no resume slot left (rate limit or free workers). */
    NO_SLOT
}

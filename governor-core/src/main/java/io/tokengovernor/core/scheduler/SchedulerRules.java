package io.tokengovernor.core.scheduler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a scheduler pass follows, as an administrator writes them in {@code scheduler-rules.json}.
 *
 * @param resumesPerMinute   at most this many resumes in any 60 seconds
 * @param safetyFactor       work resumes only when its project has {@code remainingEstimate × safetyFactor}
 *                           tokens, because estimates are often low and a resumed task that runs dry
 *                           pauses again
 * @param agingHoursPerTier  hours in the queue after which low-tier work is ordered as high-tier
 * @param backfill           whether smaller work of a project may go ahead when the project's next item
 *                           does not fit
 * @param maxProjectShare    share of a pass's resumes one project may take while others wait
 * @param passIntervalSeconds how often the timer runs a pass when no event triggers one
 */
public record SchedulerRules(int resumesPerMinute, double safetyFactor, double agingHoursPerTier, boolean backfill,
        double maxProjectShare, int passIntervalSeconds) {

    public static final SchedulerRules DEFAULTS = new SchedulerRules(10, 1.2, 2, true, 0.5, 10);

    static final int MAX_RESUMES_PER_MINUTE = 6_000;
    static final double MAX_SAFETY_FACTOR = 10;
    static final double MAX_AGING_HOURS = 24 * 365;
    static final int MAX_PASS_INTERVAL_SECONDS = 86_400;

    public SchedulerRules {
        List<RuleProblem> problems = problemsOf(resumesPerMinute, safetyFactor, agingHoursPerTier, maxProjectShare,
                passIntervalSeconds);
        if (!problems.isEmpty()) {
            throw new InvalidSchedulerRules(problems);
        }
    }

    /** Every range violation of these values, empty when they make valid rules. */
    static List<RuleProblem> problemsOf(int resumesPerMinute, double safetyFactor, double agingHoursPerTier,
            double maxProjectShare, int passIntervalSeconds) {
        List<RuleProblem> problems = new ArrayList<>();
        if (resumesPerMinute < 1 || resumesPerMinute > MAX_RESUMES_PER_MINUTE) {
            problems.add(new RuleProblem("resumesPerMinute",
                    "must be between 1 and " + MAX_RESUMES_PER_MINUTE + ", got " + resumesPerMinute));
        }
        if (!(safetyFactor >= 1 && safetyFactor <= MAX_SAFETY_FACTOR)) {
            problems.add(new RuleProblem("safetyFactor", "must be between 1 and " + (int) MAX_SAFETY_FACTOR
                    + " (below 1 resumes work without the tokens it is expected to need), got " + safetyFactor));
        }
        if (!(agingHoursPerTier > 0 && agingHoursPerTier <= MAX_AGING_HOURS)) {
            problems.add(new RuleProblem("agingHoursPerTier",
                    "must be more than 0 and at most " + (int) MAX_AGING_HOURS + " hours, got " + agingHoursPerTier));
        }
        if (!(maxProjectShare > 0 && maxProjectShare <= 1)) {
            problems.add(new RuleProblem("maxProjectShare",
                    "must be more than 0 and at most 1, got " + maxProjectShare));
        }
        if (passIntervalSeconds < 1 || passIntervalSeconds > MAX_PASS_INTERVAL_SECONDS) {
            problems.add(new RuleProblem("passIntervalSeconds",
                    "must be between 1 and " + MAX_PASS_INTERVAL_SECONDS + ", got " + passIntervalSeconds));
        }
        return problems;
    }

    /** How long low-tier work waits before it is ordered as high-tier. */
    public Duration aging() {
        return Duration.ofMillis(Math.round(agingHoursPerTier * 3_600_000));
    }

    public Duration passInterval() {
        return Duration.ofSeconds(passIntervalSeconds);
    }

    /**
     * Tokens a project must have for work to resume: {@code remainingEstimate × safetyFactor}, rounded up.
     * Decimal arithmetic, so that 100 × 1.2 is 120 and not 121.
     */
    public long tokensToResume(long remainingEstimate) {
        BigDecimal needed = BigDecimal.valueOf(safetyFactor).multiply(BigDecimal.valueOf(remainingEstimate))
                .setScale(0, RoundingMode.CEILING);
        return needed.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : needed.longValueExact();
    }

    /** The most resumes one project may take in a pass of {@code slots} while other projects wait. */
    public int projectCap(int slots) {
        int share = BigDecimal.valueOf(maxProjectShare).multiply(BigDecimal.valueOf(slots))
                .setScale(0, RoundingMode.CEILING).intValue();
        return Math.max(1, share);
    }
}

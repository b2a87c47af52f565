package io.tokengovernor.core.scheduler;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskEstimate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.OptionalDouble;

/**
 * Phase-1 estimate of a task's tokens from what similar completed tasks (same agent type, complexity,
 * project) actually used: the median as the estimate, the 75th percentile as a cautious one, and the
 * expected error, the mean absolute percentage error the median would have had on that history.
 *
 * <p>With fewer than {@value #MIN_SAMPLES} samples the history says too little and the phase-0
 * heuristic, the complexity's typical size, is used instead; {@code source} says which one it is.
 * Percentiles are nearest-rank, so the estimate is a size some task really had.
 *
 * @param expectedError MAPE as a fraction (0.25 is 25 %), null when there is nothing to measure it on
 */
public record HistoricalEstimate(long median, long p75, int samples, Double expectedError, Source source) {

    public static final int MIN_SAMPLES = 5;

    /** Where the estimate comes from. */
    public enum Source {
        HISTORY,
        /** Fewer than {@value HistoricalEstimate#MIN_SAMPLES} similar tasks: the complexity's typical size. */
        HEURISTIC
    }

    /** @param complexity the task's complexity, or null for the default */
    public static HistoricalEstimate of(Collection<Long> actualTokens, Complexity complexity) {
        long[] sorted = actualTokens.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0 && sorted[0] < 0) {
            throw new IllegalArgumentException("actual tokens must not be negative, got " + sorted[0]);
        }
        if (sorted.length < MIN_SAMPLES) {
            long typical = TaskEstimate.of(complexity, null).estimatedTokens();
            return new HistoricalEstimate(typical, typical, sorted.length, errorOf(typical, sorted), Source.HEURISTIC);
        }
        long median = nearestRank(sorted, 0.50);
        return new HistoricalEstimate(median, nearestRank(sorted, 0.75), sorted.length, errorOf(median, sorted),
                Source.HISTORY);
    }

    private static Double errorOf(long estimate, long[] actuals) {
        OptionalDouble error = EstimationAccuracy.mape(Collections.nCopies(actuals.length, estimate),
                Arrays.stream(actuals).boxed().toList());
        return error.isPresent() ? error.getAsDouble() : null;
    }

    private static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

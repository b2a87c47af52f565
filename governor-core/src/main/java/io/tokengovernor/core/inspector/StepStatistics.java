package io.tokengovernor.core.inspector;

import java.util.Arrays;

/** The typical size of one model call of a task or agent type: the 90th percentile of observed calls. */
public final class StepStatistics {

    private StepStatistics() {
    }

    /** Nearest-rank 90th percentile; 0 when nothing was observed. */
    public static long p90(long[] callTokens) {
        if (callTokens.length == 0) {
            return 0;
        }
        long[] sorted = callTokens.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

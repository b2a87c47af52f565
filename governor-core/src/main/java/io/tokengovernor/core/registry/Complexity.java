package io.tokengovernor.core.registry;

/**
 * How big a task is expected to be, in the design's token bands:
 * SIMPLE below 1k tokens, COMPLEX 1k–5k, VERY_COMPLEX above 5k.
 */
public enum Complexity {
    SIMPLE(0, 999, 500),
    COMPLEX(1_000, 5_000, 3_000),
    VERY_COMPLEX(5_001, Long.MAX_VALUE, 10_000);

    private final long lowerBound;
    private final long upperBound;
    private final long typicalTokens;

    Complexity(long lowerBound, long upperBound, long typicalTokens) {
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.typicalTokens = typicalTokens;
    }

    /** The band an estimate falls into. */
    public static Complexity ofEstimate(long estimatedTokens) {
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimated tokens must not be negative: " + estimatedTokens);
        }
        for (Complexity band : values()) {
            if (estimatedTokens >= band.lowerBound && estimatedTokens <= band.upperBound) {
                return band;
            }
        }
        throw new IllegalStateException("no complexity band for " + estimatedTokens);
    }

    /** The phase-0 estimate for a task of this complexity when nothing else is known. */
    public long typicalTokens() {
        return typicalTokens;
    }
}

package io.tokengovernor.core.registry;

/**
 * A task's complexity and token estimate, each filled in from the other when missing.
 *
 * <p>The phase-0 heuristic: an estimate without a complexity falls into its design band
 * ({@link Complexity#ofEstimate}); a complexity without an estimate takes the band's typical
 * size (SIMPLE 500, COMPLEX 3,000, VERY_COMPLEX 10,000); with neither, the task is taken as
 * COMPLEX. When both are given they are kept as the client said, even if they disagree.
 */
public record TaskEstimate(Complexity complexity, long estimatedTokens) {

    public static final Complexity DEFAULT_COMPLEXITY = Complexity.COMPLEX;

    public TaskEstimate {
        if (complexity == null) {
            throw new IllegalArgumentException("complexity is required");
        }
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimated tokens must not be negative: " + estimatedTokens);
        }
    }

    public static TaskEstimate of(Complexity complexity, Long estimatedTokens) {
        if (complexity != null && estimatedTokens != null) {
            return new TaskEstimate(complexity, estimatedTokens);
        }
        if (estimatedTokens != null) {
            return new TaskEstimate(Complexity.ofEstimate(estimatedTokens), estimatedTokens);
        }
        Complexity known = complexity != null ? complexity : DEFAULT_COMPLEXITY;
        return new TaskEstimate(known, known.typicalTokens());
    }
}

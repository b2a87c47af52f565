package io.tokengovernor.core.budget;

/**
 * What a budget holder (project, package, task) has spent and holds: the arithmetic of admission.
 * Remaining is {@code budget − used − reserved}, never below zero.
 */
public record TokenBalance(long budget, long used, long reserved) {

    public TokenBalance {
        if (budget < 0 || used < 0 || reserved < 0) {
            throw new IllegalArgumentException(
                    "budget, used and reserved must not be negative: " + budget + "/" + used + "/" + reserved);
        }
    }

    public long remaining() {
        return Math.max(0, budget - used - reserved);
    }

    /** Whether {@code tokens} more can be reserved without exceeding the budget. */
    public boolean allows(long tokens) {
        return tokens <= remaining();
    }

    /** Share of the budget spent or held, from 0 upward (above 1 once overrun); 1 for a zero budget. */
    public double utilisation() {
        if (budget == 0) {
            return 1.0;
        }
        return (double) (used + reserved) / budget;
    }

    public boolean exhausted() {
        return used >= budget;
    }
}

package io.tokengovernor.core.pricing;

/** Where a message's cost comes from: the {@code costUSD} Claude Code logged, the price table, or both. */
public enum CostMode {
    /** {@code costUSD} when the line has it, else calculated from tokens. */
    AUTO,
    /** Always calculated from tokens, ignoring {@code costUSD}. */
    CALCULATE,
    /** Only {@code costUSD}; lines without it cost 0. */
    DISPLAY;

    public boolean usesPrices() {
        return this != DISPLAY;
    }
}

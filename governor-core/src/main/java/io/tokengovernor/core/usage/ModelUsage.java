package io.tokengovernor.core.usage;

/** One model's share of a report row ({@code modelBreakdowns}); summed in place while a row is built. */
public final class ModelUsage {

    private final String modelName;
    long inputTokens;
    long outputTokens;
    long cacheCreationTokens;
    long cacheReadTokens;
    double cost;
    boolean unpriced;

    ModelUsage(String modelName) {
        this.modelName = modelName;
    }

    void add(ModelUsage other) {
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        cacheCreationTokens += other.cacheCreationTokens;
        cacheReadTokens += other.cacheReadTokens;
        cost += other.cost;
        unpriced |= other.unpriced;
    }

    public String modelName() {
        return modelName;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    public double cost() {
        return cost;
    }

    /** True when some of its tokens had no price: the cost shown is then too low. */
    public boolean unpriced() {
        return unpriced;
    }
}

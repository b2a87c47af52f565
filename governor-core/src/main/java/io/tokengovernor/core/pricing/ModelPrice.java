package io.tokengovernor.core.pricing;

/**
 * What one model costs, in USD per token. The
 * {@code …Above200k} prices apply to the tokens of one class beyond the first 200,000 in a single message;
 * {@code NaN} means the model has no such tier. A model without them may have a {@link ContextTier}
 * instead (or {@code null}).
 */
public record ModelPrice(double input, double output, double cacheWrite, double cacheRead,
                         double inputAbove200k, double outputAbove200k,
                         double cacheWriteAbove200k, double cacheReadAbove200k,
                         double fastMultiplier, ContextTier contextTier) {

    static final long TIER_THRESHOLD = 200_000;
    /** One-hour cache writes cost twice the input price (Anthropic's published rule). */
    private static final double ONE_HOUR_CACHE_WRITE_FACTOR = 2.0;

    public ModelPrice(double input, double output, double cacheWrite, double cacheRead,
                      double inputAbove200k, double outputAbove200k,
                      double cacheWriteAbove200k, double cacheReadAbove200k, double fastMultiplier) {
        this(input, output, cacheWrite, cacheRead, inputAbove200k, outputAbove200k, cacheWriteAbove200k,
                cacheReadAbove200k, fastMultiplier, null);
    }

    /**
     * The cost of one message. The order of the additions is ccusage's, so that sums agree to the
     * last printed digit.
     */
    public double cost(long inputTokens, long outputTokens, long cacheWrite5m, long cacheWrite1h,
                       long cacheReadTokens, boolean fast) {
        double multiplier = fast ? fastMultiplier : 1.0;
        if (contextTier != null && !hasSplitTier()
                && contextTier.appliesTo(inputTokens + cacheWrite5m + cacheWrite1h + cacheReadTokens)) {
            return inContextTier(inputTokens, outputTokens, cacheWrite5m, cacheWrite1h, cacheReadTokens) * multiplier;
        }
        return (tiered(inputTokens, input, inputAbove200k)
                + tiered(outputTokens, output, outputAbove200k)
                + tiered(cacheWrite5m, cacheWrite, cacheWriteAbove200k)
                + tiered(cacheWrite1h, input * ONE_HOUR_CACHE_WRITE_FACTOR, inputAbove200k * ONE_HOUR_CACHE_WRITE_FACTOR)
                + tiered(cacheReadTokens, cacheRead, cacheReadAbove200k))
                * multiplier;
    }

    private static double tiered(long tokens, double base, double above) {
        if (tokens == 0) {
            return 0.0;
        }
        if (!Double.isNaN(above) && tokens > TIER_THRESHOLD) {
            return TIER_THRESHOLD * base + (tokens - TIER_THRESHOLD) * above;
        }
        return tokens * base;
    }

    private double inContextTier(long inputTokens, long outputTokens, long cacheWrite5m, long cacheWrite1h,
                                 long cacheReadTokens) {
        ContextTier tier = contextTier;
        double write = Double.isNaN(tier.cacheWrite()) ? cacheWrite : tier.cacheWrite();
        double read = Double.isNaN(tier.cacheRead()) ? cacheRead : tier.cacheRead();
        return inputTokens * tier.input() + outputTokens * tier.output() + cacheWrite5m * write
                + cacheWrite1h * (tier.input() * ONE_HOUR_CACHE_WRITE_FACTOR) + cacheReadTokens * read;
    }

    /** LiteLLM's per-class tier above 200k wins over a context tier (ccusage prices claude-sonnet-4 so). */
    private boolean hasSplitTier() {
        return !Double.isNaN(inputAbove200k) || !Double.isNaN(outputAbove200k) || !Double.isNaN(cacheWriteAbove200k)
                || !Double.isNaN(cacheReadAbove200k);
    }
}

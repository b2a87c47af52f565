package io.tokengovernor.core.pricing;

/**
 * What one model costs, in USD per token. The {@code …Above200k} prices apply to the tokens of one
 * class beyond the first 200,000 in a single message; {@code NaN} means the model has no such tier.
 */
public record ModelPrice(double input, double output, double cacheWrite, double cacheRead,
                         double inputAbove200k, double outputAbove200k,
                         double cacheWriteAbove200k, double cacheReadAbove200k,
                         double fastMultiplier) {

    static final long TIER_THRESHOLD = 200_000;
    /** One-hour cache writes cost twice the input price (Anthropic's published rule). */
    private static final double ONE_HOUR_CACHE_WRITE_FACTOR = 2.0;

    /**
     * The cost of one message. The order of the additions is ccusage's, so that sums agree to the
     * last printed digit.
     */
    public double cost(long inputTokens, long outputTokens, long cacheWrite5m, long cacheWrite1h,
                       long cacheReadTokens, boolean fast) {
        double multiplier = fast ? fastMultiplier : 1.0;
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
}

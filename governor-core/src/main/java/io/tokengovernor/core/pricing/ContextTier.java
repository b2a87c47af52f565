package io.tokengovernor.core.pricing;

/**
 * Prices models.dev states for long prompts: when a message's prompt (input plus cache writes plus cache
 * reads) exceeds {@code size} tokens, all of that message is priced here, not only the part above. A
 * {@code NaN} cache price means the model's own one applies.
 */
public record ContextTier(long size, double input, double output, double cacheWrite, double cacheRead) {

    boolean appliesTo(long promptTokens) {
        return promptTokens > size;
    }
}

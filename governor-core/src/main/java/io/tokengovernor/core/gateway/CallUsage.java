package io.tokengovernor.core.gateway;

/**
 * The tokens one model call used, as the API reported them: input (not from the cache), output, cache writes and
 * cache reads. Anthropic reports the four apart; OpenAI's prompt tokens include the cached ones, which are split
 * out here so that the two count alike.
 */
public record CallUsage(long input, long output, long cacheCreation, long cacheRead) {

    public static final CallUsage NONE = new CallUsage(0, 0, 0, 0);

    public CallUsage {
        if (input < 0 || output < 0 || cacheCreation < 0 || cacheRead < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long total() {
        return input + output + cacheCreation + cacheRead;
    }
}

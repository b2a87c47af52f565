package io.tokengovernor.core.gateway;

/**
 * How many tokens the gateway reserves before it forwards a call: the request's input estimate plus an output
 * allowance ({@code max_tokens} when smaller, else {@value #OUTPUT_ALLOWANCE}), and at least the task's typical step
 * (the p90 of its calls). Never the raw {@code max_tokens}: Claude Code asks for up to 128k on every call, and
 * reserving that would refuse work that has ample budget. The answer's own usage settles the call, so a call
 * larger than reserved overshoots by at most itself.
 */
public final class CallReservation {

    public static final long OUTPUT_ALLOWANCE = 4_096;

    private CallReservation() {
    }

    public static long tokens(long inputEstimate, long maxOutputTokens, long typicalStep) {
        long output = maxOutputTokens > 0 ? Math.min(maxOutputTokens, OUTPUT_ALLOWANCE) : OUTPUT_ALLOWANCE;
        return Math.max(Math.max(1, typicalStep), inputEstimate + output);
    }
}

package io.tokengovernor.core.claudelog;

/**
 * The usage of an advisor model consulted inside one assistant message
 * ({@code message.usage.iterations[]} with {@code "type":"advisor_message"}). It is billed to the
 * advisor's model and reported as an entry of its own, right after its message.
 */
public record AdvisorUsage(String model, long inputTokens, long outputTokens, long cacheCreationFlat,
                           long cacheReadTokens, boolean cacheCreationSplit, long cacheCreation5m,
                           long cacheCreation1h, LogLine.Speed speed) {
}

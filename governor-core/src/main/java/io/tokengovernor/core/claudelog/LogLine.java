package io.tokengovernor.core.claudelog;

import java.util.List;

/**
 * One accepted usage line of a Claude Code log, as written (before de-duplication and pricing).
 * Absent optional texts are {@code null}; {@code costUsd} is {@code NaN} when the line has none.
 * The version only decides whether a line is accepted and is not kept.
 *
 * @param sessionId          the line's own {@code sessionId} (of a progress line: its top-level one), which
 *                           scopes de-duplication; {@code null} when the line has none
 * @param cacheCreationFlat  {@code cache_creation_input_tokens}
 * @param cacheCreationSplit whether {@code usage.cache_creation} was present; its 5-minute and 1-hour
 *                           counts then replace the flat field
 * @param usageLimitReset    when an API error line says the usage limit resets, epoch millis, else 0
 * @param advisors           advisor models consulted inside this message, each billed on its own
 */
public record LogLine(long timestamp, String requestId,
                      String messageId, String sessionId, String model,
                      long inputTokens, long outputTokens, long cacheCreationFlat, long cacheReadTokens,
                      boolean cacheCreationSplit, long cacheCreation5m, long cacheCreation1h,
                      Speed speed, double costUsd, boolean sidechain, long usageLimitReset,
                      List<AdvisorUsage> advisors) {

    /** {@code usage.speed}; {@link #NONE} when absent. */
    public enum Speed { NONE, STANDARD, FAST }

    public long cacheCreationTokens() {
        return cacheCreationSplit ? cacheCreation5m + cacheCreation1h : cacheCreationFlat;
    }

    /** 5-minute cache writes: the split's 5-minute part, or the flat field when there is no split. */
    public long cacheWrite5m() {
        return cacheCreationSplit ? cacheCreation5m : cacheCreationFlat;
    }

    public long cacheWrite1h() {
        return cacheCreationSplit ? cacheCreation1h : 0;
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheCreationTokens() + cacheReadTokens;
    }

    public boolean hasCostUsd() {
        return !Double.isNaN(costUsd);
    }

    public boolean hasSpeed() {
        return speed != Speed.NONE;
    }

    /**
     * The line that stands for advisor {@code index} of this message: same time, request, session, chain
     * and usage-limit notice, the advisor's model and tokens, and a message id of its own ({@code <id>:advisor:<index>}, as
     * ccusage names it) so that streamed copies of the message fold each advisor with its own copies only.
     */
    public LogLine advisorLine(int index) {
        AdvisorUsage advisor = advisors.get(index);
        String id = messageId == null ? null : messageId + ":advisor:" + index;
        return new LogLine(timestamp, requestId, id, sessionId, advisor.model(), advisor.inputTokens(), advisor.outputTokens(),
                advisor.cacheCreationFlat(), advisor.cacheReadTokens(), advisor.cacheCreationSplit(),
                advisor.cacheCreation5m(), advisor.cacheCreation1h(), advisor.speed(), Double.NaN, sidechain, usageLimitReset,
                List.of());
    }
}

package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.claudelog.LogPath;

/**
 * One priced, dated usage line.
 *
 * @param model         the name shown in reports: {@code <model>-fast} in fast mode, {@code null} for
 *                      {@code <synthetic>} or no model (tokens count, the model is not listed)
 * @param unpricedModel the logged model name when its cost had to be calculated but no price was found
 */
public record UsageEntry(LogLine line, LogPath place, String date, double cost, String model, String unpricedModel) {

    public long timestamp() {
        return line.timestamp();
    }

    public long totalTokens() {
        return line.totalTokens();
    }

    /** The session that scopes de-duplication: the line's own {@code sessionId}, else the one its place names. */
    public String session() {
        String own = line.sessionId();
        return own != null ? own : place.sessionId();
    }
}

package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.claudelog.LogPath;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Entries built in code, for tests of what happens after a line is read. */
final class UsageFixtures {

    static final UsageLog.Pricing PRICING = new UsageLog.Pricing(PriceTable.embedded(), CostMode.AUTO, ZoneOffset.UTC);
    static final LogPath PLACE = new LogPath("p", "s1", "p");

    private UsageFixtures() {
    }

    /** A line of session {@code s1} (its file's), 100 input tokens, no cost or speed. */
    static UsageEntry entry(String time, String messageId, String requestId, long output, boolean sidechain) {
        return entry(time, messageId, requestId, null, output, sidechain, Double.NaN, LogLine.Speed.NONE);
    }

    /** @param session the line's own {@code sessionId}, or {@code null} for the one its file names ({@code s1}) */
    static UsageEntry entry(String time, String messageId, String requestId, String session, long output,
                            boolean sidechain, double costUsd, LogLine.Speed speed) {
        LogLine line = new LogLine(Instant.parse(time).toEpochMilli(), requestId, messageId, session,
                "claude-sonnet-4-20250514", 100, output, 0, 0, false, 0, 0, speed, costUsd, sidechain, 0, List.of());
        return UsageEntries.of(line, PLACE, PRICING);
    }
}

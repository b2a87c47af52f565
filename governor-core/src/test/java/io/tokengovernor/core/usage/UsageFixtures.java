package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.claudelog.LogPath;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import java.time.Instant;
import java.time.ZoneOffset;

/** Entries built in code, for tests of what happens after a line is read. */
final class UsageFixtures {

    static final UsageLog.Pricing PRICING = new UsageLog.Pricing(PriceTable.embedded(), CostMode.AUTO, ZoneOffset.UTC);
    static final LogPath PLACE = new LogPath("p", "s1", "p");

    private UsageFixtures() {
    }

    static UsageEntry entry(String time, String messageId, String requestId, long output, boolean sidechain) {
        LogLine line = new LogLine(Instant.parse(time).toEpochMilli(), requestId, messageId, null, "claude-sonnet-4-20250514",
                100, output, 0, 0, false, 0, 0, LogLine.Speed.NONE, Double.NaN, sidechain, 0, java.util.List.of());
        return UsageEntries.of(line, PLACE, PRICING);
    }
}

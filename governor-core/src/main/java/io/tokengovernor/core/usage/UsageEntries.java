package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.claudelog.LogPath;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.ModelPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accepted log lines made into priced, dated usage entries, the same way for every report, the live view,
 * imports and metering: each message, then one entry per advisor it consulted (billed to the advisor's model).
 */
public final class UsageEntries {

    private static final String SYNTHETIC = "<synthetic>";

    private UsageEntries() {
    }

    /** The entries of one file in order, each message followed by its advisors. */
    public static List<UsageEntry> of(LogFile file, UsageLog.Pricing pricing) {
        LogPath place = LogPath.of(file.path());
        List<UsageEntry> entries = new ArrayList<>(file.lines().size());
        for (LogLine line : file.lines()) {
            entries.add(price(line, place, pricing, displayName(line)));
            for (int advisor = 0; advisor < line.advisors().size(); advisor++) {
                // an advisor's entry keeps its model name as written, even <synthetic> and in fast mode
                LogLine advisorLine = line.advisorLine(advisor);
                entries.add(price(advisorLine, place, pricing, advisorLine.model()));
            }
        }
        return entries;
    }

    /** The entry of one message line, without its advisors. */
    public static UsageEntry of(LogLine line, LogPath place, UsageLog.Pricing pricing) {
        return price(line, place, pricing, displayName(line));
    }

    private static UsageEntry price(LogLine line, LogPath place, UsageLog.Pricing pricing, String shownModel) {
        String date = pricing.days().of(line.timestamp());
        Optional<ModelPrice> price = pricing.mode().usesPrices() && line.model() != null
                ? pricing.prices().find(line.model()) : Optional.empty();
        boolean calculated = pricing.mode() == CostMode.CALCULATE
                || pricing.mode() == CostMode.AUTO && !line.hasCostUsd();
        double cost;
        if (pricing.mode() == CostMode.DISPLAY || !calculated) {
            cost = line.hasCostUsd() ? line.costUsd() : 0.0;
        } else {
            cost = price.map(p -> p.cost(line.inputTokens(), line.outputTokens(), line.cacheWrite5m(),
                    line.cacheWrite1h(), line.cacheReadTokens(), line.speed() == LogLine.Speed.FAST)).orElse(0.0);
        }
        String unpriced = calculated && line.model() != null && line.totalTokens() > 0 && price.isEmpty()
                ? line.model() : null;
        return new UsageEntry(line, place, date, cost, shownModel, unpriced);
    }

    private static String displayName(LogLine line) {
        String model = line.model();
        if (model == null || SYNTHETIC.equals(model)) {
            return null;
        }
        return line.speed() == LogLine.Speed.FAST ? model + "-fast" : model;
    }
}

package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LineCache;
import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.LogLine;
import io.tokengovernor.core.claudelog.LogLineParser;
import io.tokengovernor.core.claudelog.LogPath;
import io.tokengovernor.core.claudelog.LogScan;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.ModelPrice;
import io.tokengovernor.core.pricing.PriceTable;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The de-duplicated, priced usage entries of a set of log files: reading, dating in the report's
 * zone, pricing, and de-duplication in file order.
 */
public final class UsageLog {

    private static final String SYNTHETIC = "<synthetic>";

    private final List<UsageEntry> entries;
    private final int skippedLines;
    private final List<Path> unreadableFiles;

    private UsageLog(List<UsageEntry> entries, int skippedLines, List<Path> unreadableFiles) {
        this.entries = entries;
        this.skippedLines = skippedLines;
        this.unreadableFiles = unreadableFiles;
    }

    /** Which lines a report reads; each kind has its own line cache. */
    public enum Reading {
        /** The daily report, which also counts sub-agent progress lines. */
        DAILY,
        /** Session, weekly, monthly and block reports. */
        ENTRIES
    }

    public static UsageLog forDaily(List<Path> files, Pricing pricing) {
        return load(files, pricing, Reading.DAILY, null);
    }

    public static UsageLog forEntries(List<Path> files, Pricing pricing) {
        return load(files, pricing, Reading.ENTRIES, null);
    }

    /**
     * @param cache lines read by earlier runs (see {@link LineCache}), updated and saved here; or
     *              {@code null} to read every file whole
     */
    public static UsageLog load(List<Path> files, Pricing pricing, Reading reading, LineCache cache) {
        UsageLog log = reading == Reading.DAILY
                ? load(files, pricing, LogLineParser.forDaily(), DuplicateFilter.forDaily(), cache)
                : load(files, pricing, LogLineParser.forEntries(), DuplicateFilter.forEntries(), cache);
        if (cache != null) {
            cache.save();
        }
        return log;
    }

    /** How entries are priced and dated. */
    public record Pricing(PriceTable prices, CostMode mode, ZoneId zone, LocalDays days) {

        public Pricing(PriceTable prices, CostMode mode, ZoneId zone) {
            this(prices, mode, zone, new LocalDays(zone));
        }
    }

    private static UsageLog load(List<Path> files, Pricing pricing, LogLineParser parser, DuplicateFilter filter,
                                 LineCache cache) {
        int[] skipped = {0};
        List<Path> unreadable = new ArrayList<>();
        // dating and pricing need no other file, so they run on the reading threads; merging is in file order
        LogScan.withAvailableCores(parser, cache).read(files, file -> new PricedFile(file, priced(file, pricing)), priced -> {
            skipped[0] += priced.file().skippedLines();
            if (!priced.file().readable()) {
                unreadable.add(priced.file().path());
            }
            priced.entries().forEach(filter::add);
        });
        return new UsageLog(filter.entries(), skipped[0], unreadable);
    }

    private record PricedFile(LogFile file, List<UsageEntry> entries) {
    }

    /** The entries of one file in order, each message followed by its advisors. */
    private static List<UsageEntry> priced(LogFile file, Pricing pricing) {
        LogPath place = LogPath.of(file.path());
        List<UsageEntry> entries = new ArrayList<>(file.lines().size());
        for (LogLine line : file.lines()) {
            entries.add(price(line, place, pricing));
            for (int advisor = 0; advisor < line.advisors().size(); advisor++) {
                entries.add(priceAdvisor(line.advisorLine(advisor), place, pricing));
            }
        }
        return entries;
    }

    public static UsageEntry price(LogLine line, LogPath place, Pricing pricing) {
        return price(line, place, pricing, displayName(line));
    }

    /** An advisor's entry keeps its model name as written, even {@code <synthetic>} and in fast mode. */
    public static UsageEntry priceAdvisor(LogLine advisor, LogPath place, Pricing pricing) {
        return price(advisor, place, pricing, advisor.model());
    }

    private static UsageEntry price(LogLine line, LogPath place, Pricing pricing, String shownModel) {
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

    public List<UsageEntry> entries() {
        return entries;
    }

    public int skippedLines() {
        return skippedLines;
    }

    public List<Path> unreadableFiles() {
        return unreadableFiles;
    }
}

package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LineCache;
import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.LogScan;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The de-duplicated, priced usage entries of a set of log files: reading (as the report's
 * {@link Reading} says), dating in the report's zone, pricing, and de-duplication in file order.
 */
public final class UsageLog {

    private final List<UsageEntry> entries;
    private final int skippedLines;
    private final List<Path> unreadableFiles;

    private UsageLog(List<UsageEntry> entries, int skippedLines, List<Path> unreadableFiles) {
        this.entries = entries;
        this.skippedLines = skippedLines;
        this.unreadableFiles = unreadableFiles;
    }

    public static UsageLog forDaily(List<Path> files, Pricing pricing) {
        return load(files, pricing, Reading.DAILY, null);
    }

    public static UsageLog forEntries(List<Path> files, Pricing pricing) {
        return load(files, pricing, Reading.ENTRIES, null);
    }

    /**
     * @param cache lines read by earlier runs (see {@link LineCache}; one per reading), updated and saved
     *              here; or {@code null} to read every file whole
     */
    public static UsageLog load(List<Path> files, Pricing pricing, Reading reading, LineCache cache) {
        DuplicateFilter filter = reading.duplicateFilter();
        int[] skipped = {0};
        List<Path> unreadable = new ArrayList<>();
        // dating and pricing need no other file, so they run on the reading threads; merging is in file order
        LogScan.withAvailableCores(reading.parser(), cache).read(files,
                file -> new PricedFile(file, UsageEntries.of(file, pricing)), priced -> {
                    skipped[0] += priced.file().skippedLines();
                    if (!priced.file().readable()) {
                        unreadable.add(priced.file().path());
                    }
                    priced.entries().forEach(filter::add);
                });
        if (cache != null) {
            cache.save();
        }
        return new UsageLog(filter.entries(), skipped[0], unreadable);
    }

    /** How entries are priced and dated. */
    public record Pricing(PriceTable prices, CostMode mode, ZoneId zone, LocalDays days) {

        public Pricing(PriceTable prices, CostMode mode, ZoneId zone) {
            this(prices, mode, zone, new LocalDays(zone));
        }
    }

    private record PricedFile(LogFile file, List<UsageEntry> entries) {
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

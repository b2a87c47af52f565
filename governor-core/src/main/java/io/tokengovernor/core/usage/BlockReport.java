package io.tokengovernor.core.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Session blocks of a set of entries, with the flags of {@code usage blocks}. */
public final class BlockReport {

    public static final long HOUR = 3_600_000;
    private static final long RECENT = 3 * 24 * HOUR;
    private static final double WARNING_SHARE = 0.8;

    private final List<SessionBlock> blocks;
    private final long now;
    private final long largestFinished;

    private BlockReport(List<SessionBlock> blocks, long now, long largestFinished) {
        this.blocks = blocks;
        this.now = now;
        this.largestFinished = largestFinished;
    }

    /**
     * @param sessionHours block length in hours (5 for Claude's plans)
     * @param recent       only blocks started in the last 3 days, and the active one
     * @param activeOnly   only the active block
     */
    public static BlockReport of(List<UsageEntry> entries, ReportQuery query, double sessionHours, boolean recent,
                                 boolean activeOnly, long now) {
        List<SessionBlock> blocks = identify(entries, (long) (sessionHours * HOUR), now);
        blocks.removeIf(block -> !query.covers(Instant.ofEpochMilli(block.start()).atZone(query.zone()).toLocalDate().toString()));
        blocks.sort(Comparator.comparingLong(SessionBlock::start));
        if (query.descending()) {
            Collections.reverse(blocks);
        }
        if (recent) {
            blocks.removeIf(block -> block.start() < now - RECENT && !block.isActive());
        }
        if (activeOnly) {
            blocks.removeIf(block -> !block.isActive());
        }
        long largest = blocks.stream().filter(b -> !b.isGap() && !b.isActive())
                .mapToLong(SessionBlock::totalTokens).max().orElse(0);
        return new BlockReport(blocks, now, largest);
    }

    /** A new block starts when a message comes more than one block length after the block's start or the previous message. */
    static List<SessionBlock> identify(List<UsageEntry> unsorted, long length, long now) {
        List<UsageEntry> entries = new ArrayList<>(unsorted);
        entries.sort(Comparator.comparingLong(UsageEntry::timestamp));
        List<SessionBlock> blocks = new ArrayList<>();
        List<UsageEntry> current = new ArrayList<>();
        long start = 0;
        for (UsageEntry entry : entries) {
            if (!current.isEmpty()) {
                long last = current.get(current.size() - 1).timestamp();
                long sinceLast = entry.timestamp() - last;
                if (entry.timestamp() - start > length || sinceLast > length) {
                    blocks.add(SessionBlock.of(start, length, current, now));
                    if (sinceLast > length) {
                        blocks.add(SessionBlock.gap(last, entry.timestamp(), length));
                    }
                    current.clear();
                    start = floorToHour(entry.timestamp());
                }
            } else {
                start = floorToHour(entry.timestamp());
            }
            current.add(entry);
        }
        if (!current.isEmpty()) {
            blocks.add(SessionBlock.of(start, length, current, now));
        }
        return blocks;
    }

    private static long floorToHour(long millis) {
        return Math.floorDiv(millis, HOUR) * HOUR;
    }

    public List<SessionBlock> blocks() {
        return blocks;
    }

    public long now() {
        return now;
    }

    /** The biggest finished block, which {@code --token-limit max} uses as the limit. */
    public long largestFinishedBlock() {
        return largestFinished;
    }

    public Optional<SessionBlock> active() {
        return blocks.stream().filter(SessionBlock::isActive).findFirst();
    }

    /**
     * The token limit a user asked for: a number, or {@code max}/empty for the largest finished block.
     * Empty when there is no such limit.
     */
    public Optional<Long> tokenLimit(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        if (requested.isEmpty() || requested.equals("max")) {
            return largestFinished > 0 ? Optional.of(largestFinished) : Optional.empty();
        }
        try {
            long limit = Long.parseLong(requested);
            return limit >= 0 ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ok, warning above 80 % of the limit, or exceeds. */
    public static String limitStatus(long projected, long limit) {
        if (projected > limit) {
            return "exceeds";
        }
        return projected > limit * WARNING_SHARE ? "warning" : "ok";
    }
}

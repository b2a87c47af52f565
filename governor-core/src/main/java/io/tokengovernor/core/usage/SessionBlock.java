package io.tokengovernor.core.usage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A billing window of Claude's plans: it opens at the hour of its first message and lasts the session
 * length (5 hours). A gap block stands for a silence longer than that between two blocks.
 */
public final class SessionBlock {

    private final long start;
    private final long end;
    private final boolean gap;
    private final boolean active;
    private final List<UsageEntry> entries;
    long inputTokens;
    long outputTokens;
    long cacheCreationTokens;
    long cacheReadTokens;
    double cost;
    private final Set<String> models = new LinkedHashSet<>();
    long usageLimitReset;

    private SessionBlock(long start, long end, boolean gap, boolean active, List<UsageEntry> entries) {
        this.start = start;
        this.end = end;
        this.gap = gap;
        this.active = active;
        this.entries = entries;
        for (UsageEntry entry : entries) {
            var line = entry.line();
            inputTokens += line.inputTokens();
            outputTokens += line.outputTokens();
            cacheCreationTokens += line.cacheCreationTokens();
            cacheReadTokens += line.cacheReadTokens();
            cost += entry.cost();
            if (entry.model() != null) {
                models.add(entry.model());
            }
            if (usageLimitReset == 0) {
                usageLimitReset = line.usageLimitReset();
            }
        }
    }

    /** Active while the last message is less than one session length ago and the window is still open. */
    static SessionBlock of(long start, long length, List<UsageEntry> entries, long now) {
        long end = start + length;
        long last = entries.get(entries.size() - 1).timestamp();
        return new SessionBlock(start, end, false, now - last < length && now < end, new ArrayList<>(entries));
    }

    static SessionBlock gap(long lastEntry, long nextEntry, long length) {
        return new SessionBlock(lastEntry + length, nextEntry, true, false, List.of());
    }

    public String id() {
        return gap ? "gap-" + Rfc3339.millis(start) : Rfc3339.millis(start);
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** The time of the last message, or 0 for a gap. */
    public long actualEnd() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).timestamp();
    }

    public long firstEntry() {
        return entries.isEmpty() ? 0 : entries.get(0).timestamp();
    }

    public boolean isGap() {
        return gap;
    }

    public boolean isActive() {
        return active;
    }

    public List<UsageEntry> entries() {
        return entries;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
    }

    public double cost() {
        return cost;
    }

    public List<String> models() {
        return List.copyOf(models);
    }

    /** When Claude said the usage limit resets, epoch millis, or 0. */
    public long usageLimitReset() {
        return usageLimitReset;
    }
}

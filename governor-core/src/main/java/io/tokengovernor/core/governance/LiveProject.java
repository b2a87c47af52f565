package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import io.tokengovernor.core.inspector.ThresholdSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project's live budget: its cap per window, what its held reservations take, and the tokens spent per window
 * (by the window of each event's own timestamp). Admission and directives look at the window that contains now.
 */
public final class LiveProject {

    private final String id;
    private long budget;
    private BudgetWindow window;
    private int tier;
    private ThresholdSettings thresholds;
    long reserved;
    long used;
    private final TreeMap<Instant, Long> windows = new TreeMap<>();

    LiveProject(String id, long budget, BudgetWindow window, int tier, ThresholdSettings thresholds) {
        this.id = id;
        change(budget, window, tier, thresholds);
    }

    void change(long newBudget, BudgetWindow newWindow, int newTier, ThresholdSettings newThresholds) {
        if (newBudget < 0 || newWindow == null || newThresholds == null || newTier < 1 || newTier > 2) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "project",
                    "a project needs a budget of 0 or more, a window, thresholds and tier 1 or 2");
        }
        budget = newBudget;
        window = newWindow;
        tier = newTier;
        thresholds = newThresholds;
    }

    /** The window an event at {@code at} counts towards, given the latest rolling window {@code rolling}. */
    Instant windowOf(Instant at, ZoneId zone, Instant rolling) {
        return BudgetWindows.startOf(window, at, zone, rolling);
    }

    /** Start of the latest window anything was counted in, or null. */
    Instant latestStart() {
        return windows.isEmpty() ? null : windows.lastKey();
    }

    void count(Instant windowStart, long tokens) {
        windows.merge(windowStart, tokens, Long::sum);
        used += tokens;
    }

    /** Restores a window's total (rebuilding the engine from storage). */
    void restoreWindow(Instant windowStart, long tokens) {
        Long before = windows.put(windowStart, tokens);
        used += tokens - (before == null ? 0 : before);
    }

    /**
     * The window that contains {@code now} and what was spent in it. A rolling window that has not opened yet
     * starts at {@code now} with nothing spent; NONE started at the epoch.
     */
    public Window current(Instant now, ZoneId zone) {
        Instant start;
        if (window == BudgetWindow.ROLLING_5H) {
            start = latestStart();
            if (start == null || !BudgetWindows.isOpen(window, start, now, zone)) {
                return new Window(now, 0);
            }
        } else {
            start = BudgetWindows.startOf(window, now, zone, null);
        }
        return new Window(start, windows.getOrDefault(start, 0L));
    }

    /** Totals per window start, oldest first (a copy). */
    public Map<Instant, Long> windows() {
        return new TreeMap<>(windows);
    }

    public String id() {
        return id;
    }

    public long budget() {
        return budget;
    }

    public BudgetWindow window() {
        return window;
    }

    public int tier() {
        return tier;
    }

    public ThresholdSettings thresholds() {
        return thresholds;
    }

    public long reserved() {
        return reserved;
    }

    /** Tokens spent over the project's whole life. */
    public long used() {
        return used;
    }

    /** A budget window as it stands: when it started and what was spent in it. */
    public record Window(Instant start, long used) {
    }
}

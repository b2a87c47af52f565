package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLineParser;

/**
 * How the logs are read for a report. ccusage 20.0.24 reads them in two ways (its daily loader and its
 * entry loader) that differ in the few rules listed here and nowhere else: the daily report reads as
 * {@link #DAILY}; the session, weekly, monthly and block reports, and everything else TokenGovernor derives
 * from the logs (the live view, imports, replays, metering), read as {@link #ENTRIES}. Each reading brings
 * its line acceptance ({@link #parser()}) and its de-duplication ({@link #duplicateFilter()}) together.
 */
public enum Reading {

    /**
     * Also counts sub-agent progress lines and does not read {@code isApiErrorMessage}; among copies of equal
     * size the costlier wins; copies without a request id are copies only at the same instant; a side chain
     * replays its parent at any time.
     */
    DAILY(true, true, true, false),

    /** Side-chain replays happen at their parent's instant; copies without a request id match at any time. */
    ENTRIES(false, false, false, true);

    private final boolean progressLines;
    final boolean costBreaksTies;
    final boolean requestlessCopiesShareTime;
    final boolean replaysShareTime;

    Reading(boolean progressLines, boolean costBreaksTies, boolean requestlessCopiesShareTime, boolean replaysShareTime) {
        this.progressLines = progressLines;
        this.costBreaksTies = costBreaksTies;
        this.requestlessCopiesShareTime = requestlessCopiesShareTime;
        this.replaysShareTime = replaysShareTime;
    }

    /** Which lines count and how they are read; a fresh parser (it remembers the names it has seen). */
    public LogLineParser parser() {
        return progressLines ? LogLineParser.forDaily() : LogLineParser.forEntries();
    }

    public DuplicateFilter duplicateFilter() {
        return new DuplicateFilter(this);
    }
}

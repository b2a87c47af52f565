package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLineParser;

/**
 * How the logs are read for a report. ccusage 20.0.24 reads them in two ways (its daily loader and its
 * entry loader) that differ in a few rules: the daily report reads as {@link #DAILY}; the session, weekly,
 * monthly and block reports, and everything else TokenGovernor derives from the logs (the live view,
 * imports, replays, metering), read as {@link #ENTRIES}. Each reading brings its line acceptance
 * ({@link #parser()}) and its de-duplication ({@link #duplicateFilter()}) together.
 */
public enum Reading {

    /** Also counts sub-agent progress lines and does not read {@code isApiErrorMessage}. */
    DAILY,

    ENTRIES;

    /** Which lines count and how they are read; a fresh parser (it remembers the names it has seen). */
    public LogLineParser parser() {
        return this == DAILY ? LogLineParser.forDaily() : LogLineParser.forEntries();
    }

    public DuplicateFilter duplicateFilter() {
        return new DuplicateFilter(this);
    }
}

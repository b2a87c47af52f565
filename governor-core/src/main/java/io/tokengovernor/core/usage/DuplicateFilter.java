package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one entry per model call, as ccusage 20.0.24 does; the one de-duplication of every report, of
 * the live view, of imports, replays and metering. Claude Code writes a message several times while it
 * streams (same {@code message.id} and {@code requestId}, growing token counts), may copy it into another
 * session's transcript, and side chains replay parent messages under new request ids. Entries are added
 * in ccusage's file order; lines without a message id are always kept.
 * <p>
 * An entry is a copy of a kept one when
 * <ul>
 *   <li>both have its request id (in any session), or neither has one and both belong to the same session
 *       (for {@link Reading#DAILY}: also at the same instant); else</li>
 *   <li>it is a side-chain replay: the same session (or one a copy of the kept entry came from), either of
 *       the two is a side chain, and (for {@link Reading#ENTRIES}) both are at the same instant.</li>
 * </ul>
 * The winner among copies is a main-chain line over a side-chain one, else the larger token total, else
 * (for {@link Reading#DAILY}) the higher cost, else the one with {@code speed}, else the one kept; it takes
 * the first copy's place. Which kept entry a copy meets first depends on where the earlier copies were
 * filed ({@link Filings}), so filing follows ccusage too.
 */
public final class DuplicateFilter {

    private final Reading reading;
    private final List<UsageEntry> kept = new ArrayList<>();
    // one lookup per line: all filings of a message id live together, in filing order
    private final Map<String, Filings> byMessage = new HashMap<>(1 << 16);

    public DuplicateFilter(Reading reading) {
        this.reading = reading;
    }

    public void add(UsageEntry entry) {
        String messageId = entry.line().messageId();
        if (messageId == null) {
            kept.add(entry);
            return;
        }
        Filings filings = byMessage.get(messageId);
        if (filings == null) {
            filings = new Filings();
            byMessage.put(messageId, filings);
        }
        String session = entry.session();
        int found = filings.copyOf(entry, session, kept, reading);
        if (found < 0) {
            found = filings.replayedBy(entry, session, kept, reading);
        }
        if (found < 0) {
            int index = kept.size();
            kept.add(entry);
            filings.file(entry, session, index);
            return;
        }
        UsageEntry existing = kept.get(found);
        String existingSession = existing.session();
        if (!existingSession.equals(session)) {
            // the kept entry now also stands for this session: its side chains may replay it
            filings.fileAlias(session, found);
            filings.fileAlias(existingSession, found);
        }
        if (wins(entry, existing)) {
            kept.set(found, entry);
            filings.file(entry, session, found);
        }
    }

    public List<UsageEntry> entries() {
        return kept;
    }

    private boolean wins(UsageEntry candidate, UsageEntry existing) {
        LogLine c = candidate.line();
        LogLine e = existing.line();
        if (c.sidechain() != e.sidechain()) {
            return e.sidechain();
        }
        if (c.totalTokens() != e.totalTokens()) {
            return c.totalTokens() > e.totalTokens();
        }
        if (reading.costBreaksTies && candidate.cost() != existing.cost()) {
            return candidate.cost() > existing.cost();
        }
        return c.hasSpeed() && !e.hasSpeed();
    }
}

package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one entry per streamed message. Claude Code writes a message several times while it
 * streams (same {@code message.id} and {@code requestId}, growing token counts), and sub-agent
 * side chains replay parent messages under new request ids. Among copies the winner is a main-chain
 * line over a side-chain one, else the larger token total, else (daily) the higher cost, else the one
 * with {@code speed}, else the first; it takes the first copy's place.
 * <p>
 * Kept entries are filed under keys (message id, request id or none) exactly as ccusage files them,
 * because which copy a later line meets depends on that filing. The flavours differ where ccusage's
 * two loaders differ: only the daily one lets a side-chain copy match under another request id, and
 * only the other one re-files a replaced entry under its new key.
 */
public final class DuplicateFilter {

    private final boolean daily;
    private final List<UsageEntry> kept = new ArrayList<>();
    // one lookup per line: all filings of a message id live together, in filing order
    private final Map<String, Filings> byMessage = new HashMap<>(1 << 16);

    public DuplicateFilter(Reading reading) {
        this.daily = reading == Reading.DAILY;
    }

    public void add(UsageEntry entry) {
        LogLine line = entry.line();
        String messageId = line.messageId();
        if (messageId == null) {
            kept.add(entry);
            return;
        }
        String requestId = line.requestId();
        Filings filings = byMessage.get(messageId);
        if (filings == null) {
            filings = new Filings();
            byMessage.put(messageId, filings);
        }
        int existing = filings.firstMatchingExactly(requestId, kept);
        if (existing < 0 && daily) {
            existing = filings.firstSideChainPartner(line.sidechain(), kept);
        }
        if (existing >= 0) {
            if (replaces(entry, kept.get(existing))) {
                kept.set(existing, entry);
                if (!daily) {
                    filings.file(requestId, existing);
                    filings.file(null, existing);
                }
            }
            return;
        }
        int index = kept.size();
        kept.add(entry);
        filings.file(requestId, index);
        filings.file(null, index);
    }

    public List<UsageEntry> entries() {
        return kept;
    }

    /**
     * The (key request id, kept index) pairs filed under one message id. Key {@code null} is the
     * message-only key, which is also the exact key of lines without a request id.
     */
    private static final class Filings {
        private String[] keys = new String[2];
        private int[] indexes = new int[2];
        private int size;

        /** The first entry filed under (message, requestId) that still carries that request id. */
        int firstMatchingExactly(String requestId, List<UsageEntry> kept) {
            for (int i = 0; i < size; i++) {
                if (Objects.equals(keys[i], requestId)
                        && Objects.equals(kept.get(indexes[i]).line().requestId(), requestId)) {
                    return indexes[i];
                }
            }
            return -1;
        }

        /** The first entry filed under the message-only key where either copy is a side chain. */
        int firstSideChainPartner(boolean candidateIsSidechain, List<UsageEntry> kept) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == null && (candidateIsSidechain || kept.get(indexes[i]).line().sidechain())) {
                    return indexes[i];
                }
            }
            return -1;
        }

        void file(String requestId, int index) {
            for (int i = 0; i < size; i++) {
                if (indexes[i] == index && Objects.equals(keys[i], requestId)) {
                    return;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            keys[size] = requestId;
            indexes[size] = index;
            size++;
        }
    }

    private boolean replaces(UsageEntry candidate, UsageEntry existing) {
        LogLine c = candidate.line();
        LogLine e = existing.line();
        if (c.sidechain() != e.sidechain()) {
            return e.sidechain();
        }
        if (c.totalTokens() != e.totalTokens()) {
            return c.totalTokens() > e.totalTokens();
        }
        if (daily && candidate.cost() != existing.cost()) {
            return candidate.cost() > existing.cost();
        }
        return c.hasSpeed() && !e.hasSpeed();
    }
}

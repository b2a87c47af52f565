package io.tokengovernor.core.usage;

import io.tokengovernor.core.claudelog.LogLine;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the kept entries of one message id are filed for {@link DuplicateFilter}, in filing order, as
 * ccusage files them: for copies under their request id (without one: under their session), and for
 * side-chain replays under their session and under each other session a copy of them came from (an
 * alias, which matches whatever session the kept entry has since). A filing may outlive what it was
 * made for (the entry at its index can be replaced by one with another request id or session), so every
 * lookup checks the entry it finds. Messages have a few filings, so a short array beats a map.
 */
final class Filings {

    private static final int BY_REQUEST = 0;
    private static final int BY_SESSION = 1;
    private static final int FOR_REPLAYS = 2;
    private static final int FOR_REPLAYS_ALIAS = 3;

    private String[] keys = new String[2];
    private int[] slots = new int[2]; // kept index << 2 | kind
    private int size;

    /** The first kept entry that {@code candidate} is a copy of, or -1. */
    int copyOf(UsageEntry candidate, String session, List<UsageEntry> kept, Reading reading) {
        LogLine line = candidate.line();
        String requestId = line.requestId();
        int kind = requestId != null ? BY_REQUEST : BY_SESSION;
        String key = requestId != null ? requestId : session;
        for (int i = 0; i < size; i++) {
            if ((slots[i] & 3) != kind || !keys[i].equals(key)) {
                continue;
            }
            UsageEntry filed = kept.get(slots[i] >>> 2);
            LogLine other = filed.line();
            if (!Objects.equals(other.requestId(), requestId)) {
                continue;
            }
            if (requestId == null && (!filed.session().equals(session)
                    || reading.requestlessCopiesShareTime && other.timestamp() != line.timestamp())) {
                continue;
            }
            return slots[i] >>> 2;
        }
        return -1;
    }

    /** The first kept entry that {@code candidate} replays or is replayed by in a side chain, or -1. */
    int replayedBy(UsageEntry candidate, String session, List<UsageEntry> kept, Reading reading) {
        LogLine line = candidate.line();
        for (int i = 0; i < size; i++) {
            int kind = slots[i] & 3;
            if (kind < FOR_REPLAYS || !keys[i].equals(session)) {
                continue;
            }
            UsageEntry filed = kept.get(slots[i] >>> 2);
            LogLine other = filed.line();
            boolean sameSession = kind == FOR_REPLAYS_ALIAS || filed.session().equals(session);
            if (sameSession && (line.sidechain() || other.sidechain())
                    && (!reading.replaysShareTime || other.timestamp() == line.timestamp())) {
                return slots[i] >>> 2;
            }
        }
        return -1;
    }

    /** Files the entry kept at {@code index} where its later copies and replays will look. */
    void file(UsageEntry entry, String session, int index) {
        String requestId = entry.line().requestId();
        add(requestId != null ? BY_REQUEST : BY_SESSION, requestId != null ? requestId : session, index);
        add(FOR_REPLAYS, session, index);
    }

    /** Lets side chains of {@code session} find the entry kept at {@code index}, whatever its session. */
    void fileAlias(String session, int index) {
        add(FOR_REPLAYS_ALIAS, session, index);
    }

    private void add(int kind, String key, int index) {
        int slot = index << 2 | kind;
        for (int i = 0; i < size; i++) {
            if (slots[i] == slot && keys[i].equals(key)) {
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        keys[size] = key;
        slots[size] = slot;
        size++;
    }
}

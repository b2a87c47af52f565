package io.tokengovernor.core.claudelog;

import java.nio.charset.StandardCharsets;

/**
 * Byte-pattern search, first of all for the literal {@code "usage":{} that every line worth
 * parsing contains. Most bytes of a log are prompts and tool output; a Horspool search skips them
 * several bytes at a time without a JSON parse.
 */
final class UsageMarker {

    static final UsageMarker USAGE = new UsageMarker("\"usage\":{");

    private final byte[] pattern;
    private final int[] shift = new int[256];

    UsageMarker(String text) {
        pattern = text.getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(shift, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            shift[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
    }

    private static final int BEFORE_BRACE = 8; // "usage":

    /**
     * The first {@code "usage":{} in {@code bytes[from, to)}, or -1. Found by its brace, which is
     * rare in prompt and tool text, then checked backwards.
     */
    static int indexOf(byte[] bytes, int from, int to) {
        int i = from + BEFORE_BRACE;
        while (i < to) {
            int brace = ByteScan.indexOf(bytes, i, to, (byte) '{');
            if (brace < 0) {
                return -1;
            }
            if (USAGE.matchesAt(bytes, brace - BEFORE_BRACE)) {
                return brace - BEFORE_BRACE;
            }
            i = brace + 1;
        }
        return -1;
    }

    /** The first occurrence in {@code bytes[from, to)}, or -1. */
    int find(byte[] bytes, int from, int to) {
        int last = pattern.length - 1;
        byte lastByte = pattern[last];
        int i = from;
        while (i + last < to) {
            byte b = bytes[i + last];
            if (b == lastByte && matchesAt(bytes, i)) {
                return i;
            }
            i += shift[b & 0xff];
        }
        return -1;
    }

    private boolean matchesAt(byte[] bytes, int at) {
        for (int k = 0; k < pattern.length - 1; k++) {
            if (bytes[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }
}

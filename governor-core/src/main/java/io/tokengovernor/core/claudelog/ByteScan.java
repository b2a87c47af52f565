package io.tokengovernor.core.claudelog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds one byte value eight bytes at a time ("SWAR": a zero-byte test on a long). Log lines are
 * long and the bytes searched for ({@code \n}, <code>{</code>) are sparse, so this is several times
 * faster than a byte loop even before the JIT's second tier, which a short-lived CLI never reaches.
 */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** Whether {@code bytes[from, to)} contains {@code text} (of two bytes or more). */
    static boolean contains(byte[] bytes, int from, int to, byte[] text) {
        for (int i = indexOf(bytes, from, to - text.length + 1, text[0]); i >= 0;
                i = indexOf(bytes, i + 1, to - text.length + 1, text[0])) {
            if (Arrays.equals(bytes, i + 1, i + text.length, text, 1, text.length)) {
                return true;
            }
        }
        return false;
    }

    /** The first index of {@code value} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte value) {
        long pattern = ONES * (value & 0xff);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    /**
     * The first byte in {@code bytes[from, to)} that ends or interrupts a JSON string: a quote, a
     * backslash or a control character; -1 if none. One pass instead of a search per kind.
     */
    static int indexOfStringSpecial(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            long quote = word ^ QUOTES;
            long backslash = word ^ BACKSLASHES;
            long found = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - SPACES) & ~word) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code value} in {@code bytes[from, to)}, or -1. */
    static int lastIndexOf(byte[] bytes, int from, int to, byte value) {
        long pattern = ONES * (value & 0xff);
        int i = to;
        for (; i - 8 >= from; i -= 8) {
            long x = (long) LONGS.get(bytes, i - 8) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                // the zero-byte test is exact for the lowest match only; check the candidates from the top
                for (int k = i - 1; k >= i - 8; k--) {
                    if (bytes[k] == value) {
                        return k;
                    }
                }
            }
        }
        for (int k = i - 1; k >= from; k--) {
            if (bytes[k] == value) {
                return k;
            }
        }
        return -1;
    }
}

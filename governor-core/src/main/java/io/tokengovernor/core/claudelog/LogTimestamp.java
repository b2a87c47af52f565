package io.tokengovernor.core.claudelog;

import java.time.LocalDate;

/**
 * The timestamps Claude Code writes: {@code YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)}, exactly 0 or 3
 * fraction digits. Anything else makes the line unusable, as it does for ccusage.
 */
public final class LogTimestamp {

    /** Returned for a text that is not such a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MILLIS_PER_MINUTE = 60_000;

    private LogTimestamp() {
    }

    public static long parse(CharSequence text) {
        int length = text.length();
        int millis;
        int zoneStart;
        if ((length == 20 || length == 25) && "Z+-".indexOf(text.charAt(19)) >= 0) {
            millis = 0;
            zoneStart = 19;
        } else if ((length == 24 || length == 29) && text.charAt(19) == '.') {
            millis = digits(text, 20, 23);
            zoneStart = 23;
        } else {
            return INVALID;
        }
        if (millis < 0 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        long offsetMinutes = offsetMinutes(text, zoneStart);
        if (offsetMinutes == INVALID || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return INVALID;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * MILLIS_PER_MINUTE + second * 1000L + millis
                - offsetMinutes * MILLIS_PER_MINUTE;
    }

    private static long offsetMinutes(CharSequence text, int start) {
        if (text.length() - start == 1) {
            return text.charAt(start) == 'Z' ? 0 : INVALID;
        }
        char sign = text.charAt(start);
        if (text.length() - start != 6 || (sign != '+' && sign != '-') || text.charAt(start + 3) != ':') {
            return INVALID;
        }
        int hours = digits(text, start + 1, start + 3);
        int minutes = digits(text, start + 4, start + 6);
        if (hours < 0 || minutes < 0) {
            return INVALID;
        }
        int offset = hours * 60 + minutes;
        return sign == '+' ? offset : -offset;
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package io.tokengovernor.core.claudelog;

/** "Claude AI usage limit reached|1767225600": the reset time Claude Code records in an API error line. */
final class UsageLimitNotice {

    private static final UsageMarker TEXT = new UsageMarker("Claude AI usage limit reached");

    private UsageLimitNotice() {
    }

    /** Epoch millis of the reset, or 0 when the line carries none. */
    static long resetTime(byte[] line, int from, int to) {
        int marker = TEXT.find(line, from, to);
        if (marker < 0) {
            return 0;
        }
        int bar = marker;
        while (bar < to && line[bar] != '|') {
            bar++;
        }
        if (bar >= to) {
            return 0;
        }
        long seconds = 0;
        int digits = 0;
        for (int i = bar + 1; i < to && line[i] >= '0' && line[i] <= '9' && digits < 18; i++, digits++) {
            seconds = seconds * 10 + (line[i] - '0');
        }
        return digits == 0 || seconds <= 0 ? 0 : seconds * 1000;
    }
}

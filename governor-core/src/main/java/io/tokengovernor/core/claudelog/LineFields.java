package io.tokengovernor.core.claudelog;

/** The fields of one line while it is being read; becomes a {@link LogLine} once complete and valid. */
final class LineFields {

    boolean nullDrop;

    long timestamp = LogTimestamp.INVALID;
    String sessionId;
    // the version is only checked, never kept: see LogLine
    boolean foreignVersion;
    String requestId;
    String messageId;
    String model;
    long inputTokens;
    long outputTokens;
    long cacheCreationFlat;
    long cacheReadTokens;
    boolean cacheCreationSplit;
    long cacheCreation5m;
    long cacheCreation1h;
    LogLine.Speed speed = LogLine.Speed.NONE;
    double costUsd = Double.NaN;
    boolean sidechain;
    boolean apiError;

    /** Claude Code never writes empty ids or a version that is not {@code digits.digits.digit…}; such lines are foreign. */
    boolean isValid() {
        return !nullDrop && !foreignVersion && !isEmpty(sessionId) && !isEmpty(requestId) && !isEmpty(messageId) && !isEmpty(model);
    }

    LogLine toLine(long millis, long usageLimitReset) {
        return toLine(millis, usageLimitReset, java.util.List.of());
    }

    LogLine toLine(long millis, long usageLimitReset, java.util.List<AdvisorUsage> advisors) {
        return new LogLine(millis, requestId, messageId, sessionId, model,
                inputTokens, outputTokens, cacheCreationFlat, cacheReadTokens,
                cacheCreationSplit, cacheCreation5m, cacheCreation1h, speed, costUsd, sidechain, usageLimitReset, advisors);
    }

    private static boolean isEmpty(String value) {
        return value != null && value.isEmpty();
    }

    static boolean isVersion(CharSequence value) {
        int i = digitsFrom(value, 0);
        if (i == 0 || i >= value.length() || value.charAt(i) != '.') {
            return false;
        }
        int j = digitsFrom(value, i + 1);
        if (j == i + 1 || j >= value.length() || value.charAt(j) != '.') {
            return false;
        }
        return j + 1 < value.length() && Character.isDigit(value.charAt(j + 1)) && value.charAt(j + 1) < 128;
    }

    private static int digitsFrom(CharSequence value, int start) {
        int i = start;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}

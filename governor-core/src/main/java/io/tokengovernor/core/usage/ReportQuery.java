package io.tokengovernor.core.usage;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * What a report covers and how it is ordered.
 *
 * @param since inclusive first day as {@code YYYYMMDD}, or {@code null}
 * @param until inclusive last day as {@code YYYYMMDD}, or {@code null}
 */
public record ReportQuery(String since, String until, boolean descending, ZoneId zone, DayOfWeek startOfWeek) {

    public ReportQuery {
        since = compact(since);
        until = compact(until);
    }

    public static ReportQuery all(ZoneId zone) {
        return new ReportQuery(null, null, false, zone, DayOfWeek.SUNDAY);
    }

    /** {@code YYYY-MM-DD} and {@code YYYYMMDD} are both accepted; comparison is on the compact form. */
    private static String compact(String day) {
        return day == null ? null : day.replace("-", "");
    }

    /** Whether a day key ({@code YYYY-MM-DD…}) lies within since/until, compared as text like ccusage does. */
    public boolean covers(String day) {
        String compact = day.replace("-", "");
        return (since == null || compact.compareTo(since) >= 0) && (until == null || compact.compareTo(until) <= 0);
    }
}

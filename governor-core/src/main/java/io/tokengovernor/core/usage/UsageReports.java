package io.tokengovernor.core.usage;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the daily, weekly, monthly and session reports from de-duplicated entries. */
public final class UsageReports {

    private UsageReports() {
    }

    public static UsageReport daily(List<UsageEntry> entries, ReportQuery query) {
        return UsageReport.sortedByKey(UsageReport.Kind.DAILY, days(entries, query), query.descending());
    }

    public static UsageReport weekly(List<UsageEntry> entries, ReportQuery query) {
        return buckets(UsageReport.Kind.WEEKLY, entries, query);
    }

    public static UsageReport monthly(List<UsageEntry> entries, ReportQuery query) {
        return buckets(UsageReport.Kind.MONTHLY, entries, query);
    }

    /**
     * Sessions by (project folder, session), the most expensive first whatever the order asked for;
     * since/until pick entries by their day before grouping, and sessions without tokens are dropped.
     */
    public static UsageReport sessions(List<UsageEntry> entries, ReportQuery query) {
        Map<List<String>, UsageRow> groups = new LinkedHashMap<>();
        for (UsageEntry entry : entries) {
            if (!query.covers(entry.date())) {
                continue;
            }
            List<String> key = List.of(entry.place().projectPath(), entry.place().sessionId());
            UsageRow row = groups.computeIfAbsent(key, k -> new UsageRow(entry.place().sessionId()));
            row.add(entry);
            if (entry.timestamp() > row.lastActivity) {
                row.lastActivity = entry.timestamp();
                row.sessionId = entry.place().sessionId();
                row.projectPath = entry.place().projectPath();
            }
            row.firstActivity = Math.min(row.firstActivity, entry.timestamp());
        }
        List<UsageRow> rows = new ArrayList<>();
        for (UsageRow row : groups.values()) {
            row.finish();
            if (row.totalTokens() > 0) {
                rows.add(row);
            }
        }
        rows.sort((a, b) -> Double.compare(b.totalCost(), a.totalCost()));
        return new UsageReport(UsageReport.Kind.SESSION, rows);
    }

    /** Days within since/until, in the query's order: weeks and months add them up in that order. */
    private static List<UsageRow> days(List<UsageEntry> entries, ReportQuery query) {
        Map<String, UsageRow> days = new HashMap<>();
        UsageRow last = null;
        for (UsageEntry entry : entries) {
            // consecutive entries mostly share a day; the day strings are shared, so == finds them
            if (last == null || last.key() != entry.date()) {
                last = days.computeIfAbsent(entry.date(), UsageRow::new);
            }
            last.add(entry);
        }
        List<UsageRow> rows = new ArrayList<>();
        for (UsageRow row : new TreeMap<>(days).values()) {
            if (query.covers(row.key())) {
                rows.add(row.finish());
            }
        }
        return rows;
    }

    private static UsageReport buckets(UsageReport.Kind kind, List<UsageEntry> entries, ReportQuery query) {
        List<UsageRow> days = UsageReport.sortedByKey(UsageReport.Kind.DAILY, days(entries, query), query.descending()).rows();
        TreeMap<String, UsageRow> buckets = new TreeMap<>();
        Map<String, String> bucketOfDay = new HashMap<>();
        for (UsageRow day : days) {
            String bucket = bucketOfDay.computeIfAbsent(day.key(), d -> kind == UsageReport.Kind.MONTHLY
                    ? d.substring(0, 7)
                    : LocalDate.parse(d).with(TemporalAdjusters.previousOrSame(query.startOfWeek())).toString());
            buckets.computeIfAbsent(bucket, UsageRow::new).add(day);
        }
        buckets.values().forEach(UsageRow::finish);
        return UsageReport.sortedByKey(kind, new ArrayList<>(buckets.values()), query.descending());
    }
}

package io.tokengovernor.core.usage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local day of an instant in one zone, as {@code YYYY-MM-DD}. Entries come by the hundred
 * thousand but fall into few quarter-hours (the finest step of any zone offset), so each
 * quarter-hour is converted once and every entry of a day shares one string.
 */
final class LocalDays {

    private static final long QUARTER_HOUR = 15 * 60_000L;

    private final ZoneId zone;
    private final ConcurrentHashMap<Long, String> byQuarterHour = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> days = new ConcurrentHashMap<>();

    LocalDays(ZoneId zone) {
        this.zone = zone;
    }

    String of(long epochMillis) {
        long quarter = Math.floorDiv(epochMillis, QUARTER_HOUR);
        Last last = this.last;
        if (last != null && last.quarter == quarter) {
            return last.day;
        }
        String day = byQuarterHour.computeIfAbsent(quarter, q -> {
            String d = Instant.ofEpochMilli(q * QUARTER_HOUR).atZone(zone).toLocalDate().toString();
            return days.computeIfAbsent(d, x -> x);
        });
        this.last = new Last(quarter, day);
        return day;
    }

    // entries come in time order within a file: most lookups hit the previous quarter-hour
    private record Last(long quarter, String day) {
    }

    private volatile Last last;
}

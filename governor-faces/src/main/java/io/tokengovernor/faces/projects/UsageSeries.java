package io.tokengovernor.faces.projects;

import io.tokengovernor.inspector.boundary.overview.HourlyUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's token usage over time as the chart draws it: tokens per hour, or per UTC day once the
 * usage spans more than {@link #HOURLY_SPAN}, with the running total. Hours or days without usage are
 * zero, so the time axis stays even; only the last {@value #MAX_BUCKETS} buckets are kept, their
 * running total still counting everything before.
 */
public record UsageSeries(Resolution resolution, List<Bucket> buckets) {

    static final Duration HOURLY_SPAN = Duration.ofDays(3);
    static final int MAX_BUCKETS = 400;

    /** The width of one bucket. */
    public enum Resolution {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Resolution(ChronoUnit unit) {
            this.unit = unit;
        }

        Instant start(Instant instant) {
            return instant.truncatedTo(unit);
        }

        Instant next(Instant start) {
            return start.plus(1, unit);
        }
    }

    /** Tokens in the bucket starting at {@code start}, and in it and all before. */
    public record Bucket(Instant start, long tokens, long cumulative) {
    }

    public UsageSeries {
        buckets = List.copyOf(buckets);
    }

    /** Buckets the ledger's hourly sums, which must come oldest first. */
    public static UsageSeries of(List<HourlyUsage> hours) {
        if (hours.isEmpty()) {
            return new UsageSeries(Resolution.HOUR, List.of());
        }
        Instant first = hours.get(0).hour();
        Instant last = hours.get(hours.size() - 1).hour();
        Resolution resolution = Duration.between(first, last).compareTo(HOURLY_SPAN) > 0
                ? Resolution.DAY : Resolution.HOUR;
        Map<Instant, Long> sums = new LinkedHashMap<>();
        for (HourlyUsage hour : hours) {
            sums.merge(resolution.start(hour.hour()), hour.tokens(), Long::sum);
        }
        List<Bucket> buckets = new ArrayList<>();
        long cumulative = 0;
        Instant end = resolution.start(last);
        for (Instant start = resolution.start(first); !start.isAfter(end); start = resolution.next(start)) {
            long tokens = sums.getOrDefault(start, 0L);
            cumulative += tokens;
            buckets.add(new Bucket(start, tokens, cumulative));
        }
        int from = Math.max(0, buckets.size() - MAX_BUCKETS);
        return new UsageSeries(resolution, buckets.subList(from, buckets.size()));
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** All tokens in the series, including those before the buckets kept. */
    public long total() {
        return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).cumulative();
    }
}

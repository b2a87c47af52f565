package io.tokengovernor.faces.projects;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.faces.projects.UsageSeries.Bucket;
import io.tokengovernor.faces.projects.UsageSeries.Resolution;
import io.tokengovernor.inspector.boundary.overview.HourlyUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSeriesTest {

    private static HourlyUsage hour(String instant, long tokens) {
        return new HourlyUsage(Instant.parse(instant), tokens);
    }

    @Test
    void noUsageIsAnEmptySeries() {
        UsageSeries series = UsageSeries.of(List.of());

        assertThat(series.isEmpty()).isTrue();
        assertThat(series.total()).isZero();
    }

    @Test
    void usageWithinThreeDaysIsShownPerHourWithQuietHoursAsZero() {
        UsageSeries series = UsageSeries.of(List.of(
                hour("2026-11-29T09:00:00Z", 100),
                hour("2026-11-29T12:00:00Z", 50)));

        assertThat(series.resolution()).isEqualTo(Resolution.HOUR);
        assertThat(series.buckets()).containsExactly(
                new Bucket(Instant.parse("2026-11-29T09:00:00Z"), 100, 100),
                new Bucket(Instant.parse("2026-11-29T10:00:00Z"), 0, 100),
                new Bucket(Instant.parse("2026-11-29T11:00:00Z"), 0, 100),
                new Bucket(Instant.parse("2026-11-29T12:00:00Z"), 50, 150));
        assertThat(series.total()).isEqualTo(150);
    }

    @Test
    void exactlyThreeDaysIsStillHourly() {
        UsageSeries series = UsageSeries.of(List.of(
                hour("2026-11-26T00:00:00Z", 1),
                hour("2026-11-29T00:00:00Z", 1)));

        assertThat(series.resolution()).isEqualTo(Resolution.HOUR);
        assertThat(series.buckets()).hasSize(73);
    }

    @Test
    void usageOverMoreThanThreeDaysIsSummedPerUtcDay() {
        UsageSeries series = UsageSeries.of(List.of(
                hour("2026-11-25T22:00:00Z", 10),
                hour("2026-11-25T23:00:00Z", 20),
                hour("2026-11-27T01:00:00Z", 5),
                hour("2026-11-29T09:00:00Z", 100)));

        assertThat(series.resolution()).isEqualTo(Resolution.DAY);
        assertThat(series.buckets()).extracting(Bucket::tokens).containsExactly(30L, 0L, 5L, 0L, 100L);
        assertThat(series.buckets()).extracting(Bucket::cumulative).containsExactly(30L, 30L, 35L, 35L, 135L);
        assertThat(series.buckets().get(0).start()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void aLongHistoryKeepsItsLastBucketsWhoseRunningTotalCountsEverything() {
        List<HourlyUsage> hours = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int day = 0; day < UsageSeries.MAX_BUCKETS + 100; day++) {
            hours.add(new HourlyUsage(start.plusSeconds(day * 86_400L), 1));
        }

        UsageSeries series = UsageSeries.of(hours);

        assertThat(series.buckets()).hasSize(UsageSeries.MAX_BUCKETS);
        assertThat(series.buckets().get(0).cumulative()).isEqualTo(101);
        assertThat(series.total()).isEqualTo(UsageSeries.MAX_BUCKETS + 100);
    }
}

package io.tokengovernor.core.usage;

import static io.tokengovernor.core.usage.UsageFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockReportTest {

    private static final List<UsageEntry> ENTRIES = List.of(
            entry("2026-03-28T10:20:00Z", "m1", "r1", 1000, false),
            entry("2026-03-28T11:20:00Z", "m2", "r2", 1000, false),
            entry("2026-03-28T20:05:00Z", "m3", "r3", 1000, false),
            entry("2026-03-28T21:05:00Z", "m4", "r4", 3000, false));

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    @Test
    void blocksStartAtTheHourAndASilenceLongerThanABlockIsAGap() {
        BlockReport report = BlockReport.of(ENTRIES, ReportQuery.all(ZoneOffset.UTC), 5, false, false, at("2026-04-01T00:00:00Z"));

        assertThat(report.blocks()).extracting(SessionBlock::id).containsExactly(
                "2026-03-28T10:00:00.000Z", "gap-2026-03-28T16:20:00.000Z", "2026-03-28T20:00:00.000Z");
        assertThat(report.blocks()).noneMatch(SessionBlock::isActive);
        assertThat(report.largestFinishedBlock()).isEqualTo(2 * 100 + 1000 + 3000);
    }

    @Test
    void theLastBlockIsActiveWithinFiveHoursOfItsLastMessageAndBeforeItsEnd() {
        long now = at("2026-03-28T22:05:00Z");
        BlockReport report = BlockReport.of(ENTRIES, ReportQuery.all(ZoneOffset.UTC), 5, false, false, now);

        SessionBlock active = report.active().orElseThrow();
        BurnRate rate = BurnRate.of(active).orElseThrow();
        Projection projection = Projection.of(active, now).orElseThrow();

        assertThat(active.id()).isEqualTo("2026-03-28T20:00:00.000Z");
        assertThat(rate.tokensPerMinute()).isCloseTo(4200 / 60.0, within(1e-9));
        assertThat(projection.remainingMinutes()).isEqualTo(175);
        assertThat(projection.totalTokens()).isEqualTo(Math.round(4200 + 4200 / 60.0 * 175));
        assertThat(BlockReport.limitStatus(projection.totalTokens(), 20_000)).isEqualTo("warning");
        assertThat(report.tokenLimit("max")).contains(2200L);
    }

    @Test
    void aBlockWhoseWindowHasClosedIsNotActive() {
        BlockReport report = BlockReport.of(ENTRIES, ReportQuery.all(ZoneOffset.UTC), 5, false, true, at("2026-03-29T01:30:00Z"));

        assertThat(report.blocks()).isEmpty();
    }

    @Test
    void theActiveBlockJsonCarriesBurnRateProjectionAndLimitStatus() {
        BlockReport report = BlockReport.of(ENTRIES, ReportQuery.all(ZoneOffset.UTC), 5, false, true, at("2026-03-28T22:05:00Z"));

        String json = ReportJson.of(report, "10000");

        assertThat(json).contains("\"isActive\": true", "\"remainingMinutes\": 175", "\"status\": \"exceeds\"", "\"tokensPerMinute\": 70.0");
    }
}

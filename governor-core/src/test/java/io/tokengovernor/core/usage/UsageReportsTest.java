package io.tokengovernor.core.usage;

import static io.tokengovernor.core.usage.UsageFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportsTest {

    private static final List<UsageEntry> ENTRIES = List.of(
            entry("2026-03-28T23:30:00Z", "m1", "r1", 10, false),
            entry("2026-03-29T00:30:00Z", "m2", "r2", 20, false),
            entry("2026-03-30T12:00:00Z", "m3", "r3", 30, false));

    @Test
    void daysFollowTheReportsZoneAndTheRequestedOrder() {
        UsageReport report = UsageReports.daily(ENTRIES, new ReportQuery(null, null, true, ZoneOffset.UTC, DayOfWeek.SUNDAY));

        assertThat(report.rows()).extracting(UsageRow::key).containsExactly("2026-03-30", "2026-03-29", "2026-03-28");
    }

    @Test
    void sinceAndUntilAcceptBothDayFormatsInclusively() {
        UsageReport report = UsageReports.daily(ENTRIES, new ReportQuery("2026-03-29", "20260330", false, ZoneOffset.UTC, DayOfWeek.SUNDAY));

        assertThat(report.rows()).extracting(UsageRow::key).containsExactly("2026-03-29", "2026-03-30");
    }

    @Test
    void weeksStartOnTheChosenDay() {
        ZoneId utc = ZoneOffset.UTC;
        assertThat(UsageReports.weekly(ENTRIES, ReportQuery.all(utc)).rows()).extracting(UsageRow::key)
                .containsExactly("2026-03-22", "2026-03-29");
        assertThat(UsageReports.weekly(ENTRIES, new ReportQuery(null, null, false, utc, DayOfWeek.MONDAY)).rows())
                .extracting(UsageRow::key).containsExactly("2026-03-23", "2026-03-30");
    }

    @Test
    void anEmptyReportCostsNegativeZeroAsInCcusage() {
        assertThat(ReportJson.of(UsageReports.daily(List.of(), ReportQuery.all(ZoneOffset.UTC)))).contains("\"totalCost\": -0.0");
    }
}

package io.tokengovernor.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BudgetWindowsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_lifetime_budget_has_one_window() {
        assertThat(BudgetWindows.startOf(BudgetWindow.NONE, Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC,
                null)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void daily_windows_start_at_local_midnight() {
        Instant lateEvening = Instant.parse("2026-11-29T23:30:00Z");

        assertThat(BudgetWindows.startOf(BudgetWindow.DAILY, lateEvening, BERLIN, null))
                .isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(BudgetWindows.startOf(BudgetWindow.DAILY, lateEvening, ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void a_daily_window_across_a_dst_change_starts_at_local_midnight() {
        Instant afterSpringForward = Instant.parse("2026-03-29T12:00:00Z");

        assertThat(BudgetWindows.startOf(BudgetWindow.DAILY, afterSpringForward, BERLIN, null))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }

    @Test
    void weekly_windows_start_on_monday_and_monthly_on_the_first() {
        Instant sunday = Instant.parse("2026-11-29T10:00:00Z");

        assertThat(BudgetWindows.startOf(BudgetWindow.WEEKLY, sunday, ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(BudgetWindows.startOf(BudgetWindow.MONTHLY, sunday, ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void rolling_windows_open_at_the_hour_of_the_first_activity_and_last_five_hours() {
        Instant first = Instant.parse("2026-11-29T10:42:00Z");
        Instant start = BudgetWindows.startOf(BudgetWindow.ROLLING_5H, first, ZoneOffset.UTC, null);

        assertThat(start).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(BudgetWindows.startOf(BudgetWindow.ROLLING_5H, Instant.parse("2026-11-29T14:59:59Z"),
                ZoneOffset.UTC, start)).isEqualTo(start);
        assertThat(BudgetWindows.startOf(BudgetWindow.ROLLING_5H, Instant.parse("2026-11-29T16:20:00Z"),
                ZoneOffset.UTC, start)).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(BudgetWindows.isOpen(BudgetWindow.ROLLING_5H, start, Instant.parse("2026-11-29T15:00:00Z"),
                ZoneOffset.UTC)).isFalse();
    }
}

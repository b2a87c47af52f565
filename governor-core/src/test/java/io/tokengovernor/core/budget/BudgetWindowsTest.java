package io.tokengovernor.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    @Test
    void a_daily_budget_next_starts_afresh_at_the_next_local_midnight() {
        assertThat(BudgetWindows.nextStart(BudgetWindow.DAILY, Instant.parse("2026-11-29T10:00:00Z"), BERLIN, null))
                .contains(Instant.parse("2026-11-29T23:00:00Z"));
    }

    @Test
    void the_day_the_clocks_spring_forward_the_daily_window_lasts_23_hours() {
        Instant oneThirtyCet = Instant.parse("2026-03-29T00:30:00Z");

        Instant next = BudgetWindows.nextStart(BudgetWindow.DAILY, oneThirtyCet, BERLIN, null).orElseThrow();

        assertThat(next).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Duration.between(BudgetWindows.startOf(BudgetWindow.DAILY, oneThirtyCet, BERLIN, null), next))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void the_day_the_clocks_fall_back_the_daily_window_lasts_25_hours() {
        Instant noon = Instant.parse("2026-10-25T12:00:00Z");

        Instant next = BudgetWindows.nextStart(BudgetWindow.DAILY, noon, BERLIN, null).orElseThrow();

        assertThat(next).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(Duration.between(BudgetWindows.startOf(BudgetWindow.DAILY, noon, BERLIN, null), next))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void where_local_midnight_does_not_exist_the_day_starts_at_its_first_instant() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");

        assertThat(BudgetWindows.nextStart(BudgetWindow.DAILY, Instant.parse("2018-11-03T15:00:00Z"), saoPaulo,
                null)).contains(Instant.parse("2018-11-04T03:00:00Z"));
    }

    @Test
    void a_weekly_budget_next_starts_afresh_on_monday_at_local_midnight_across_a_dst_change() {
        Instant saturday = Instant.parse("2026-03-28T12:00:00Z");

        assertThat(BudgetWindows.nextStart(BudgetWindow.WEEKLY, saturday, BERLIN, null))
                .contains(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void on_a_monday_the_weekly_budget_next_starts_afresh_a_week_later() {
        assertThat(BudgetWindows.nextStart(BudgetWindow.WEEKLY, Instant.parse("2026-11-30T00:00:00Z"),
                ZoneOffset.UTC, null)).contains(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void a_monthly_budget_next_starts_afresh_on_the_first_whatever_the_length_of_the_month() {
        assertThat(nextMonthly("2026-01-31T12:00:00Z")).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(nextMonthly("2026-02-28T23:59:59Z")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(nextMonthly("2028-02-29T12:00:00Z")).isEqualTo("2028-03-01T00:00:00Z");
        assertThat(nextMonthly("2026-04-30T12:00:00Z")).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(nextMonthly("2026-12-31T23:59:59Z")).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void the_month_ends_in_the_configured_zone() {
        Instant firstOfFebruaryInBerlin = Instant.parse("2026-01-31T23:30:00Z");

        assertThat(BudgetWindows.nextStart(BudgetWindow.MONTHLY, firstOfFebruaryInBerlin, BERLIN, null))
                .contains(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(BudgetWindows.nextStart(BudgetWindow.MONTHLY, Instant.parse("2026-10-15T12:00:00Z"), BERLIN,
                null)).contains(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void an_open_rolling_window_ends_five_hours_after_it_started() {
        Instant start = Instant.parse("2026-11-29T08:00:00Z");

        assertThat(BudgetWindows.nextStart(BudgetWindow.ROLLING_5H, Instant.parse("2026-11-29T12:59:59Z"),
                ZoneOffset.UTC, start)).contains(Instant.parse("2026-11-29T13:00:00Z"));
    }

    @Test
    void without_an_open_rolling_window_the_budget_is_fresh_already() {
        Instant now = Instant.parse("2026-11-29T13:00:00Z");

        assertThat(BudgetWindows.nextStart(BudgetWindow.ROLLING_5H, now, ZoneOffset.UTC, null)).contains(now);
        assertThat(BudgetWindows.nextStart(BudgetWindow.ROLLING_5H, now, ZoneOffset.UTC,
                Instant.parse("2026-11-29T08:00:00Z"))).contains(now);
    }

    @Test
    void a_lifetime_budget_never_starts_afresh() {
        assertThat(BudgetWindows.nextStart(BudgetWindow.NONE, Instant.parse("2026-11-29T10:00:00Z"), BERLIN, null))
                .isEmpty();
    }

    @Test
    void every_calendar_window_next_starts_after_now_where_its_next_window_begins() {
        for (BudgetWindow window : new BudgetWindow[] {BudgetWindow.DAILY, BudgetWindow.WEEKLY, BudgetWindow.MONTHLY}) {
            for (Instant at = Instant.parse("2026-01-01T00:00:00Z"); at.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                    at = at.plus(Duration.ofMinutes(313))) {
                Instant next = BudgetWindows.nextStart(window, at, BERLIN, null).orElseThrow();

                assertThat(next).as("%s after %s", window, at).isAfter(at);
                assertThat(BudgetWindows.startOf(window, next, BERLIN, null)).as("%s after %s", window, at)
                        .isEqualTo(next);
                assertThat(BudgetWindows.startOf(window, next.minusNanos(1), BERLIN, null))
                        .as("%s after %s", window, at).isEqualTo(BudgetWindows.startOf(window, at, BERLIN, null));
            }
        }
    }

    private static String nextMonthly(String at) {
        return BudgetWindows.nextStart(BudgetWindow.MONTHLY, Instant.parse(at), ZoneOffset.UTC, null)
                .orElseThrow().toString();
    }
}

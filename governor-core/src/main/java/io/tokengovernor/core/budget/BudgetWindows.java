package io.tokengovernor.core.budget;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Window arithmetic: which budget window an instant falls into. Calendar windows start at local
 * midnight, Monday or the first of the month in the configured zone; ROLLING_5H windows behave like
 * Claude's usage blocks: a window opens at the hour of the first activity and lasts five hours, and
 * the next one opens with the first activity after that.
 */
public final class BudgetWindows {

    public static final Duration BLOCK = Duration.ofHours(5);

    private BudgetWindows() {
    }

    /**
     * The start of the window that {@code at} belongs to.
     *
     * @param currentStart start of the latest ROLLING_5H window already opened, or null
     */
    public static Instant startOf(BudgetWindow window, Instant at, ZoneId zone, Instant currentStart) {
        ZonedDateTime local = at.atZone(zone);
        return switch (window) {
            case NONE -> Instant.EPOCH;
            case DAILY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEKLY -> local.truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTHLY -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            case ROLLING_5H -> currentStart != null && !at.isBefore(currentStart)
                    && at.isBefore(currentStart.plus(BLOCK))
                    ? currentStart
                    : at.truncatedTo(ChronoUnit.HOURS);
        };
    }

    /** Whether the window that started at {@code start} still contains {@code now}. */
    public static boolean isOpen(BudgetWindow window, Instant start, Instant now, ZoneId zone) {
        if (window == BudgetWindow.ROLLING_5H) {
            return !now.isBefore(start) && now.isBefore(start.plus(BLOCK));
        }
        return startOf(window, now, zone, null).equals(start);
    }

    /**
     * When the budget next starts afresh after {@code now}: the next local midnight (DAILY), the next
     * Monday 00:00 (WEEKLY), the first of the next month (MONTHLY), all in {@code zone} and so 23 or 25
     * hours away across a DST change; where local midnight does not exist, the first instant of that day.
     *
     * <p>ROLLING_5H: the end of the open window, {@code currentStart + 5 h}. When no window is open
     * ({@code currentStart} null or over), the next activity opens a new window with the full budget, so
     * the budget is fresh already: the answer is {@code now}. NONE never resets: empty.
     *
     * @param currentStart start of the latest ROLLING_5H window already opened, or null
     */
    public static Optional<Instant> nextStart(BudgetWindow window, Instant now, ZoneId zone, Instant currentStart) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (window) {
            case NONE -> Optional.empty();
            case DAILY -> Optional.of(today.plusDays(1).atStartOfDay(zone).toInstant());
            case WEEKLY -> Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    .atStartOfDay(zone).toInstant());
            case MONTHLY -> Optional.of(today.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant());
            case ROLLING_5H -> Optional.of(currentStart != null && isOpen(window, currentStart, now, zone)
                    ? currentStart.plus(BLOCK)
                    : now);
        };
    }
}

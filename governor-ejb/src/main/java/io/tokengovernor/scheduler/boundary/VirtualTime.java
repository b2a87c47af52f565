package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.inspector.boundary.ReservationDesk;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.time.GovernorClock;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Moves an adjustable clock (tests only) forward the way time would pass: it stops at every instant at
 * which something falls due before the target — a checkpoint grace that runs out, a budget window that
 * resets under queued work, a tick of the scheduler's interval timer (every {@code passIntervalSeconds} from
 * when it was started or the rules last changed) while work is queued — and does there, at exactly that instant, what the timers would have
 * done: release expired reservations, pause overdue tasks, run a pass (a window reset first, then pauses, then
 * the pass). One move at a time.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VirtualTime {

    @Inject
    GovernorClock governorClock;

    @Inject
    Clock clock;

    @Inject
    Scheduler scheduler;

    @Inject
    QueueSnapshot snapshot;

    @Inject
    SchedulerRulesStore rules;

    @Inject
    TaskInspector inspector;

    @Inject
    ReservationDesk reservations;

    public Move moveTo(Instant target, boolean freeze) {
        return move(from -> target, freeze);
    }

    public Move moveBy(Duration step, boolean freeze) {
        return move(from -> from.plus(step), freeze);
    }

    private Move move(UnaryOperator<Instant> targetFrom, boolean freeze) {
        Instant from = governorClock.freeze();
        Instant target = targetFrom.apply(from);
        if (target.isBefore(from)) {
            governorClock.moveTo(from, false);
            throw new InvalidRequestException("to", "the clock only moves forward; " + target
                    + " is before the server's time " + from);
        }
        Tally tally = new Tally();
        try {
            Instant next;
            while ((next = nextDue(clock.instant())) != null && !next.isAfter(target)) {
                governorClock.moveTo(next, true);
                runDue(tally, true);
            }
            governorClock.moveTo(target, true);
            runDue(tally, false);
        } finally {
            Instant reached = clock.instant();
            governorClock.moveTo(reached, freeze);
        }
        return new Move(from, clock.instant(), tally.passes, tally.resumed, tally.paused, tally.released);
    }

    private void runDue(Tally tally, boolean stepped) {
        Instant now = clock.instant();
        tally.released += reservations.expire();
        tally.paused += inspector.enforceOverdue();
        boolean windowReset = snapshot.nextWindowReset(now.minusMillis(1)).filter(now::equals).isPresent();
        boolean timerTick = snapshot.queuedCount() > 0 && onTimerGrid(now);
        if (stepped && (windowReset || timerTick)) {
            SchedulerPass.PassOutcome outcome = scheduler.runPass();
            tally.passes++;
            tally.resumed += outcome.resumed();
        }
    }

    /** The earliest instant after {@code now} at which a timer would act, or null. */
    private Instant nextDue(Instant now) {
        Instant tick = snapshot.queuedCount() > 0 ? nextTimerTick(now) : null;
        return Stream.of(snapshot.nextWindowReset(now).orElse(null), inspector.nextGraceEnd().orElse(null), tick)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    /** The interval timer's next tick after {@code now}: it ticks every interval from when it was started. */
    private Instant nextTimerTick(Instant now) {
        Instant start = scheduler.timerStart();
        long interval = rules.current().passInterval().toMillis();
        long since = Math.max(0, Duration.between(start, now).toMillis());
        return start.plusMillis((since / interval + 1) * interval);
    }

    private boolean onTimerGrid(Instant now) {
        long since = Duration.between(scheduler.timerStart(), now).toMillis();
        return since > 0 && since % rules.current().passInterval().toMillis() == 0;
    }

    private static final class Tally {
        int passes;
        int resumed;
        int paused;
        int released;
    }

    /** What one move did. */
    public record Move(Instant from, Instant to, int passes, int resumed, int paused, int released) {
    }
}

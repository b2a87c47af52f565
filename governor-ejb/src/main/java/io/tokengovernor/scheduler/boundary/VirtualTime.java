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
 * resets under queued work, a timed scheduler pass while work is queued — and does there, at exactly that
 * instant, what the timers would have done: release expired reservations, pause overdue tasks, run a pass
 * (a window reset first, then pauses, then the pass). One move at a time.
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
        Instant timed = timedPass(now);
        boolean windowReset = snapshot.nextWindowReset(now.minusMillis(1)).filter(now::equals).isPresent();
        if (stepped && (windowReset || timed != null && !timed.isAfter(now))) {
            SchedulerPass.PassOutcome outcome = scheduler.runPass();
            tally.passes++;
            tally.resumed += outcome.resumed();
        }
    }

    /** The earliest instant after {@code now} at which a timer would act, or null. */
    private Instant nextDue(Instant now) {
        Instant timed = timedPass(now);
        return Stream.of(snapshot.nextWindowReset(now).orElse(null), inspector.nextGraceEnd().orElse(null),
                        timed == null || timed.isAfter(now) ? timed : now.plusMillis(1))
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    /** When the interval timer's next pass falls (counted from the last pass, maybe overdue) while work is queued. */
    private Instant timedPass(Instant now) {
        if (snapshot.queuedCount() == 0) {
            return null;
        }
        Instant last = scheduler.lastPassAt();
        return last == null ? now : last.plus(rules.current().passInterval());
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

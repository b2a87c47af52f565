package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.scheduler.entity.TokensFreed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import io.tokengovernor.time.GovernorClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scheduler passes: on a timer (the rules' {@code passIntervalSeconds}, 10 s by default), at the
 * next reset of a budget window that queued work waits for, and right after anything frees tokens.
 * Only one pass runs at a time; passes asked for while one runs collapse into one more.
 *
 * <p>With an adjustable clock (tests) the window resets are not timed here but by
 * {@link VirtualTime}, which moves the clock through them.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    @Inject
    SchedulerPass pass;

    @Inject
    SchedulerRulesStore rules;

    @Inject
    QueueSnapshot snapshot;

    @Inject
    GovernorClock governorClock;

    @Inject
    Clock clock;

    private static final String INTERVAL = "scheduler-pass";
    private static final String WINDOW_RESET = "window-reset";

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final AtomicReference<Instant> timerStart = new AtomicReference<>();

    @PostConstruct
    void start() {
        reschedule(rules.current().passInterval().toMillis());
    }

    /** Restarts the pass timer with a new interval (after the rules changed). */
    public void reschedule(long intervalMillis) {
        timerStart.set(clock.instant());
        cancel(INTERVAL);
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig(INTERVAL, false));
    }

    @Timeout
    void onTimer() {
        runPass();
    }

    /** Runs one pass now, waiting for a running one to finish first. */
    public SchedulerPass.PassOutcome runPass() {
        oneAtATime.lock();
        SchedulerPass.PassOutcome outcome = new SchedulerPass.PassOutcome(0, 0, 0);
        try {
            passRequested.set(false);
            outcome = pass.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A scheduler pass failed; the next one runs at the next trigger", e);
        } finally {
            oneAtATime.unlock();
        }
        armWindowReset(outcome);
        return outcome;
    }

    /** When the interval timer was (re)started, by the server's clock: it ticks every interval from there. */
    public Instant timerStart() {
        return timerStart.get();
    }

    /** A pass at the next reset of a window that queued work waits for (real clock only). */
    private void armWindowReset(SchedulerPass.PassOutcome outcome) {
        if (governorClock.adjustable()) {
            return;
        }
        try {
            cancel(WINDOW_RESET);
            if (outcome.stillQueued() == 0) {
                return;
            }
            Optional<Instant> reset = snapshot.nextWindowReset(clock.instant());
            reset.ifPresent(at -> timers.createSingleActionTimer(Date.from(at.plusMillis(1)),
                    new TimerConfig(WINDOW_RESET, false)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot time the next window reset; the interval timer still runs passes", e);
        }
    }

    private void cancel(String name) {
        for (jakarta.ejb.Timer timer : timers.getTimers()) {
            if (name.equals(timer.getInfo())) {
                timer.cancel();
            }
        }
    }

    /** Asks for a pass soon, on the managed executor; requests made meanwhile are served by that one pass. */
    public void requestPass() {
        if (passRequested.compareAndSet(false, true)) {
            Scheduler self = context.getBusinessObject(Scheduler.class);
            executor.submit(self::runPass);
        }
    }

    public void tokensFreed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensFreed freed) {
        requestPass();
    }
}

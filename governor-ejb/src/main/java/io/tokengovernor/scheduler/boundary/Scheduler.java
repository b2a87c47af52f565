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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scheduler passes: on a timer (the rules' {@code passIntervalSeconds}, 10 s by default) and
 * right after anything frees tokens. Only one pass runs at a time; passes asked for while one runs
 * collapse into one more.
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

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicBoolean passRequested = new AtomicBoolean();

    @PostConstruct
    void start() {
        reschedule(rules.current().passInterval().toMillis());
    }

    /** Restarts the pass timer with a new interval (after the rules changed). */
    public void reschedule(long intervalMillis) {
        timers.getTimers().forEach(jakarta.ejb.Timer::cancel);
        timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("scheduler-pass", false));
    }

    @Timeout
    void onTimer() {
        runPass();
    }

    /** Runs one pass now, waiting for a running one to finish first. */
    public SchedulerPass.PassOutcome runPass() {
        oneAtATime.lock();
        try {
            passRequested.set(false);
            return pass.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A scheduler pass failed; the next one runs at the next trigger", e);
            return new SchedulerPass.PassOutcome(0, 0, 0);
        } finally {
            oneAtATime.unlock();
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

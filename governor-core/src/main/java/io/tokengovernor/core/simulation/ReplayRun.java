package io.tokengovernor.core.simulation;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import io.tokengovernor.core.governance.Fact;
import io.tokengovernor.core.governance.GovernanceSettings;
import io.tokengovernor.core.governance.Governor;
import io.tokengovernor.core.governance.LiveTask;
import io.tokengovernor.core.governance.Usage;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.registry.TaskState;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay of calls under one policy, through the server's engine ({@link Governor}): each call is what a
 * governed agent does (reserve, spend when granted or while a checkpoint grace runs, report), and between calls
 * time moves the way the server's timers move it. The rules are described on {@link Replay}.
 */
final class ReplayRun {

    /** A budget the policy does not set: larger than any log. */
    static final long UNLIMITED = Long.MAX_VALUE / 4;
    private static final long TTL_SECONDS = 300;

    private final Policy policy;
    private final Governor governor;
    private final Timeline timeline;
    private final ReplayScheduler scheduler;
    /** Tokens each task's calls would have spent while it was paused, in order of the tasks' first calls. */
    private final Map<String, Long> prevented = new LinkedHashMap<>();
    /** The engine's time: everything up to here has been done. */
    private Instant clock;
    private Instant windowStart;
    private Instant nextReset;
    private long events;
    private long tokens;
    private int checkpoints;
    private int pauses;
    private int resumes;
    private long preventedTokens;
    private long overshoot;

    ReplayRun(Policy policy) {
        this.policy = policy;
        this.governor = new Governor(new GovernanceSettings(policy.thresholds(),
                Duration.ofSeconds(policy.checkpointGraceSeconds()), policy.zone()));
        this.timeline = new Timeline(policy.zone());
        this.scheduler = new ReplayScheduler(policy, governor);
    }

    void call(Call call) {
        Instant at = call.at();
        scheduler.start(at);
        advanceTo(at);
        openWindow(at);
        LiveTask task = taskOf(call);
        if (task.state() == TaskState.PAUSED || task.state() == TaskState.QUEUED) {
            prevent(task, at, call.tokens());
            return;
        }
        String reservationId = null;
        if (call.tokens() > 0) {
            Governor.Outcome<Governor.Reservation> reservation = governor.reserve(task.id(), call.tokens(),
                    TTL_SECONDS, at);
            observe(reservation.facts(), true);
            if (!reservation.value().granted() && reservation.value().directive().action() == DirectiveAction.PAUSE) {
                prevent(task, at, call.tokens());
                return;
            }
            reservationId = reservation.value().reservationId();
        }
        long pastBefore = pastBudget(task, at);
        observe(governor.record(List.of(new Usage("call-" + events++, task.id(), at, call.tokens(), reservationId)),
                at).facts(), true);
        overshoot += pastBudget(task, at) - pastBefore;
        tokens += call.tokens();
        timeline.spent(at, call.tokens());
    }

    /** The replay runs on until the last pause still in its grace takes effect. */
    void finish() {
        if (clock != null) {
            governor.lastGraceEnd(clock).ifPresent(this::advanceTo);
        }
    }

    SimulationReport report(long callCount) {
        String worst = null;
        long worstTokens = 0;
        for (Map.Entry<String, Long> task : prevented.entrySet()) {
            if (task.getValue() > worstTokens) {
                worst = task.getKey();
                worstTokens = task.getValue();
            }
        }
        return new SimulationReport(callCount, tokens, governor.tasks().size(), checkpoints, pauses, resumes,
                preventedTokens, overshoot, worst, worstTokens, timeline.days());
    }

    private LiveTask taskOf(Call call) {
        return governor.findTask(call.task()).orElseGet(() -> {
            if (governor.findProject(call.project()).isEmpty()) {
                governor.project(call.project(), budgetOr(policy.projectBudget()), policy.window(), 2, null);
            }
            governor.task(call.task(), call.project(), null, null, null, null, ReplayScheduler.TASK_ESTIMATE,
                    budgetOr(policy.taskBudget()));
            governor.move(call.task(), TaskState.RUNNING);
            return governor.findTask(call.task()).orElseThrow();
        });
    }

    private static long budgetOr(long budget) {
        return budget > 0 ? budget : UNLIMITED;
    }

    private void prevent(LiveTask task, Instant at, long callTokens) {
        prevented.merge(task.id(), callTokens, Long::sum);
        preventedTokens += callTokens;
        timeline.prevented(at, callTokens);
    }

    /** Counts what the engine did: checkpoint requests, and pauses, which queue the task. */
    private void observe(List<Fact> facts, boolean duringCall) {
        for (Fact fact : facts) {
            if (fact instanceof Fact.CheckpointRequested requested) {
                checkpoints++;
                timeline.checkpoint(requested.at());
            } else if (fact instanceof Fact.Paused paused) {
                pauses++;
                timeline.pause(paused.at());
                scheduler.enqueue(paused.taskId(), paused.at(), duringCall);
            }
        }
    }

    /** How far the task or its project's window is past its budget, whichever is further. */
    private long pastBudget(LiveTask task, Instant at) {
        long pastTask = policy.taskBudget() > 0 ? Math.max(0, task.used() - policy.taskBudget()) : 0;
        long pastProject = policy.projectBudget() > 0 ? Math.max(0,
                task.project().current(at, policy.zone()).used() - policy.projectBudget()) : 0;
        return Math.max(pastTask, pastProject);
    }

    /** Runs every reset, due pause and scheduler pass up to and including {@code at}, in time order. */
    private void advanceTo(Instant at) {
        while (true) {
            Instant graceEnd = clock == null ? null : governor.nextGraceEnd(clock).orElse(null);
            Instant next = earliest(earliest(nextReset, graceEnd), scheduler.nextPass());
            if (next == null || next.isAfter(at)) {
                clock = at;
                return;
            }
            clock = next;
            if (next.equals(nextReset)) {
                reset(next);
            } else if (next.equals(graceEnd)) {
                observe(governor.sweep(next).facts(), false);
            } else {
                for (String taskId : scheduler.pass(next)) {
                    if (governor.resume(taskId, "resumed by the scheduler", false, next).value()) {
                        resumes++;
                        timeline.resume(next);
                    }
                }
            }
        }
    }

    private void openWindow(Instant at) {
        if (policy.window() == BudgetWindow.NONE || windowStart != null) {
            return;
        }
        windowStart = BudgetWindows.startOf(policy.window(), at, policy.zone(), null);
        nextReset = policy.window() == BudgetWindow.ROLLING_5H ? windowStart.plus(BudgetWindows.BLOCK)
                : BudgetWindows.nextStart(policy.window(), at, policy.zone(), null).orElseThrow();
    }

    /** A new window: the engine starts new cycles as it meets each task; the scheduler runs a pass now. */
    private void reset(Instant at) {
        if (policy.window() == BudgetWindow.ROLLING_5H) {
            windowStart = null;
            nextReset = null;
        } else {
            windowStart = at;
            nextReset = BudgetWindows.nextStart(policy.window(), at, policy.zone(), null).orElseThrow();
        }
        scheduler.tokensFreed(at);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}

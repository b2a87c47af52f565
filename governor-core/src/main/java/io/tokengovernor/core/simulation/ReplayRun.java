package io.tokengovernor.core.simulation;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.AdaptiveThreshold;
import io.tokengovernor.core.inspector.Admission;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.Enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One replay of calls under one policy; the rules are described on {@link Replay}. */
final class ReplayRun {

    private final Policy policy;
    private final Timeline timeline;
    private final Map<String, ReplayTask> tasks = new LinkedHashMap<>();
    private final Map<String, Long> projectUsed = new HashMap<>();
    private final List<ReplayTask> inGrace = new ArrayList<>();
    private final ReplayScheduler scheduler;
    private Instant windowStart;
    private Instant nextReset;
    private long tokens;
    private int checkpoints;
    private int pauses;
    private int resumes;
    private long prevented;
    private long overshoot;

    ReplayRun(Policy policy) {
        this.policy = policy;
        this.timeline = new Timeline(policy.zone());
        this.scheduler = new ReplayScheduler(policy);
    }

    void call(Call call) {
        Instant at = call.at();
        scheduler.start(at);
        advanceTo(at);
        openWindow(at);
        ReplayTask task = tasks.computeIfAbsent(call.task(), id -> new ReplayTask(id, call.project()));
        if (!task.paused && task.pausingAt == null && call.tokens() > 0) {
            Admission.AdmissionDecision admission = Admission.decide(call.tokens(), holders(task));
            if (!admission.granted()) {
                pauseDue(task, at, "task".equals(admission.limitingLevel()));
            }
        }
        if (task.paused) {
            task.prevented += call.tokens();
            prevented += call.tokens();
            timeline.prevented(at, call.tokens());
            return;
        }
        task.observe(call.tokens());
        spend(task, at, call.tokens());
        if (task.pausingAt == null) {
            applyDirectives(task, at);
        }
    }

    /** The replay runs on until the last pause still in its grace takes effect. */
    void finish() {
        inGrace.stream().map(task -> task.pausingAt).max(Instant::compareTo).ifPresent(this::advanceTo);
    }

    SimulationReport report(long callCount) {
        ReplayTask worst = null;
        for (ReplayTask task : tasks.values()) {
            if (task.prevented > 0 && (worst == null || task.prevented > worst.prevented)) {
                worst = task;
            }
        }
        return new SimulationReport(callCount, tokens, tasks.size(), checkpoints, pauses, resumes, prevented,
                overshoot, worst == null ? null : worst.id, worst == null ? 0 : worst.prevented, timeline.days());
    }

    private Map<String, TokenBalance> holders(ReplayTask task) {
        Map<String, TokenBalance> holders = new LinkedHashMap<>();
        if (policy.taskBudget() > 0) {
            holders.put("task", new TokenBalance(policy.taskBudget(), task.used, 0));
        }
        if (policy.projectBudget() > 0) {
            long used = projectUsed.getOrDefault(task.project, 0L);
            holders.put("project", new TokenBalance(policy.projectBudget(), used, 0));
        }
        return holders;
    }

    private void spend(ReplayTask task, Instant at, long callTokens) {
        long pastBefore = pastBudget(task);
        task.used += callTokens;
        projectUsed.merge(task.project, callTokens, Long::sum);
        overshoot += pastBudget(task) - pastBefore;
        tokens += callTokens;
        timeline.spent(at, callTokens);
    }

    /**
     * Whether the task's own budget (for its whole life, not per window) asks for a checkpoint or a pause: then a
     * window reset changes nothing for it.
     */
    private boolean ownBudgetAsks(ReplayTask task) {
        if (policy.taskBudget() <= 0) {
            return false;
        }
        TokenBalance own = new TokenBalance(policy.taskBudget(), task.used, 0);
        double threshold = AdaptiveThreshold.forTask(own.budget(), task.typicalStep(), policy.thresholds());
        return Enforcement.directive(task.id, own, threshold, false, 0).action() != DirectiveAction.CONTINUE;
    }

    /** How far the task or its project is past its budget, whichever is further. */
    private long pastBudget(ReplayTask task) {
        long pastTask = policy.taskBudget() > 0 ? Math.max(0, task.used - policy.taskBudget()) : 0;
        long pastProject = policy.projectBudget() > 0
                ? Math.max(0, projectUsed.getOrDefault(task.project, 0L) - policy.projectBudget()) : 0;
        return Math.max(pastTask, pastProject);
    }

    private void applyDirectives(ReplayTask task, Instant at) {
        for (Map.Entry<String, TokenBalance> holder : holders(task).entrySet()) {
            TokenBalance balance = holder.getValue();
            double threshold = AdaptiveThreshold.forTask(balance.budget(), task.typicalStep(), policy.thresholds());
            DirectiveAction action = Enforcement.directive(task.id, balance, threshold, task.checkpointAt != null, 0)
                    .action();
            if (action == DirectiveAction.PAUSE) {
                pauseDue(task, at, "task".equals(holder.getKey()));
                return;
            }
            if (action == DirectiveAction.CHECKPOINT) {
                requestCheckpoint(task, at);
            }
        }
    }

    private void requestCheckpoint(ReplayTask task, Instant at) {
        if (task.checkpointAt == null) {
            task.checkpointAt = at;
            checkpoints++;
            timeline.checkpoint(at);
        }
    }

    /** A budget is spent: the pause takes effect once the checkpoint grace is over. */
    private void pauseDue(ReplayTask task, Instant at, boolean ownBudget) {
        task.waitsForRaise = task.waitsForRaise || ownBudget;
        requestCheckpoint(task, at);
        Instant effective = task.checkpointAt.plusSeconds(policy.checkpointGraceSeconds());
        if (effective.isAfter(at)) {
            task.pausingAt = effective;
            inGrace.add(task);
        } else {
            pause(task, at, true);
        }
    }

    private void pause(ReplayTask task, Instant at, boolean duringCall) {
        task.pausingAt = null;
        task.paused = true;
        task.queuedAt = at;
        scheduler.enqueue(task, at, duringCall);
        pauses++;
        timeline.pause(at);
    }

    /** Runs every reset, pause and scheduler pass due up to and including {@code at}, in time order. */
    private void advanceTo(Instant at) {
        while (true) {
            Instant graceEnd = inGrace.stream().map(task -> task.pausingAt).min(Instant::compareTo).orElse(null);
            Instant next = earliest(earliest(nextReset, graceEnd), scheduler.nextPass());
            if (next == null || next.isAfter(at)) {
                return;
            }
            if (next.equals(nextReset)) {
                reset(next);
            } else if (next.equals(graceEnd)) {
                List<ReplayTask> due = inGrace.stream().filter(task -> task.pausingAt.equals(graceEnd)).toList();
                inGrace.removeAll(due);
                due.forEach(task -> pause(task, graceEnd, false));
            } else {
                scheduler.pass(next, projectUsed).forEach(task -> resume(task, next));
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

    private void reset(Instant at) {
        projectUsed.clear();
        inGrace.removeIf(task -> !ownBudgetAsks(task));
        for (ReplayTask task : tasks.values()) {
            if (!task.paused && !ownBudgetAsks(task)) {
                task.startCycle();
            }
        }
        if (policy.window() == BudgetWindow.ROLLING_5H) {
            windowStart = null;
            nextReset = null;
        } else {
            windowStart = at;
            nextReset = BudgetWindows.nextStart(policy.window(), at, policy.zone(), null).orElseThrow();
        }
        scheduler.tokensFreed(at);
    }

    private void resume(ReplayTask task, Instant at) {
        task.paused = false;
        task.startCycle();
        resumes++;
        timeline.resume(at);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}

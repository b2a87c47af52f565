package io.tokengovernor.core.governance;

import io.tokengovernor.core.inspector.AdaptiveThreshold;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a task must do now and makes it so: asks for a checkpoint at the adaptive threshold, makes a pause
 * due when a budget is spent (or a reservation was refused), and pauses the task once its checkpoint grace is
 * over. The rule itself is {@link DirectiveRule}.
 */
final class Directives {

    private static final int MIN_OWN_STEPS = 3;

    private final LiveBudgets budgets;
    private final GovernanceSettings settings;

    Directives(LiveBudgets budgets, GovernanceSettings settings) {
        this.budgets = budgets;
        this.settings = settings;
    }

    /** The directive for a task, enforced: checkpoint requests and pauses happen, and it is announced. */
    Directive enforce(LiveTask task, Instant now) {
        Directive directive = decide(task, null, true, now);
        budgets.record(new Fact.DirectiveIssued(task.project().id(), directive));
        return directive;
    }

    /** A reservation of the task was refused: a pause is due, as when a budget is spent. */
    Directive refused(LiveTask task, String refusal, PauseCause cause, Instant now) {
        Directive directive = decide(task, cause, true, now);
        Directive answer = DirectiveRule.refusalAnswer(directive, refusal);
        budgets.record(new Fact.DirectiveIssued(task.project().id(), answer));
        return answer;
    }

    /** The directive as things stand, changing nothing. */
    Directive directiveFor(LiveTask task, Instant now) {
        boolean measured = task.threshold != null;
        long step = measured ? task.typicalStep() : typicalStep(task);
        double threshold = measured ? task.threshold : thresholdOf(task, step);
        return evaluate(task, threshold, step, task.project().current(now, settings.windowZone()));
    }

    /** Pauses every task whose pause is due and whose checkpoint grace is over; answers how many paused. */
    int enforceOverdue(Instant now) {
        Instant graceStart = now.minus(settings.checkpointGrace());
        List<LiveTask> overdue = new ArrayList<>();
        for (LiveTask task : budgets.due) {
            if (!task.stopped() && (task.checkpointState != CheckpointState.REQUESTED
                    || !task.checkpointRequestedAt.isAfter(graceStart))) {
                overdue.add(task);
            }
        }
        int paused = 0;
        for (LiveTask task : overdue) {
            enforce(task, now);
            paused += task.stopped() ? 1 : 0;
        }
        return paused;
    }

    /** When the first (or, {@code last}, the last) checkpoint grace before a due pause ends, if one runs. */
    Optional<Instant> graceEnd(Instant now, boolean last) {
        Instant graceStart = now.minus(settings.checkpointGrace());
        return budgets.due.stream()
                .filter(task -> task.checkpointState == CheckpointState.REQUESTED
                        && task.checkpointRequestedAt.isAfter(graceStart) && !task.stopped())
                .map(task -> task.checkpointRequestedAt)
                .reduce((a, b) -> last ? (a.isAfter(b) ? a : b) : (a.isBefore(b) ? a : b))
                .map(start -> start.plus(settings.checkpointGrace()));
    }

    /**
     * @param dueCause    a cause that makes a pause due now (a refused reservation, a package pausing), or null
     * @param withPackage whether a pause that becomes due for a lack of package or project tokens makes the rest
     *                    of the task's package pause with it
     */
    private Directive decide(LiveTask task, PauseCause dueCause, boolean withPackage, Instant now) {
        LiveProject.Window window = task.project().current(now, settings.windowZone());
        long step = typicalStep(task);
        double threshold = thresholdOf(task, step);
        task.typicalStep = step;
        task.threshold = threshold;
        budgets.record(new Fact.ThresholdApplied(task.id(), threshold, step));
        startCycleInNewWindow(task, window, threshold, now);
        boolean becameDue = dueCause != null && !task.stopped() && pauseDue(task, now, dueCause);
        Directive directive = evaluate(task, threshold, step, window);
        if (task.stopped()) {
            return directive; // already stopped: nothing more to ask of it
        }
        if (directive.action() == DirectiveAction.CHECKPOINT) {
            askForCheckpoint(task, directive, CheckpointReason.THRESHOLD, now);
        }
        if (directive.action() != DirectiveAction.PAUSE) {
            return directive;
        }
        becameDue |= pauseDue(task, now, task.balance().exhausted() ? PauseCause.TASK : PauseCause.PROJECT);
        if (becameDue && withPackage) {
            pauseWithPackage(task, now);
        }
        askForCheckpoint(task, directive, CheckpointReason.BUDGET, now);
        if (withinGrace(task, now)) {
            return DirectiveRule.graceAnswer(directive, settings.checkpointGrace());
        }
        if (task.pause()) {
            task.enqueue(now);
            budgets.record(new Fact.Paused(task.id(), task.project().id(), directive.reason(),
                    task.pausedWithoutCheckpoint, true, now));
        }
        return directive;
    }

    private boolean pauseDue(LiveTask task, Instant now, PauseCause cause) {
        if (!task.pauseDue(now, cause)) {
            return false;
        }
        budgets.record(new Fact.PauseDue(task.id(), cause, now));
        return true;
    }

    /**
     * A checkpoint asked for in an earlier budget window no longer counts once a new one started, unless the
     * task's own budget (which no window renews) still asks for it: a new cycle, as after a resume.
     */
    private void startCycleInNewWindow(LiveTask task, LiveProject.Window window, double threshold, Instant now) {
        if (DirectiveRule.newWindowStartsCycle(standing(task), task.checkpointRequestedAt, window.start(),
                threshold)) {
            task.startCycle();
            budgets.record(new Fact.CycleStarted(task.id(), now));
        }
    }

    /** Records the cycle's checkpoint request, once per cycle. */
    void askForCheckpoint(LiveTask task, Directive directive, CheckpointReason reason, Instant now) {
        if (task.requestCheckpoint(now)) {
            budgets.record(new Fact.CheckpointRequested(task.id(), task.project().id(), reason, directive, now));
        }
    }

    /** A package pauses and resumes as one: its other active tasks are due to pause too, for the same cause. */
    private void pauseWithPackage(LiveTask task, Instant now) {
        if (task.taskPackage == null || task.pauseCause == PauseCause.TASK) {
            return;
        }
        for (LiveTask sibling : List.copyOf(task.taskPackage.tasks)) {
            if (sibling != task && !sibling.stopped() && sibling.pauseDueAt == null) {
                budgets.record(new Fact.DirectiveIssued(task.project().id(),
                        decide(sibling, task.pauseCause, false, now)));
            }
        }
    }

    private Directive evaluate(LiveTask task, double threshold, long step, LiveProject.Window window) {
        LiveProject project = task.project();
        return DirectiveRule.evaluate(standing(task), threshold, step,
                new DirectiveRule.ProjectRoom(project.budget(), window.used(), project.thresholds()));
    }

    private static DirectiveRule.Standing standing(LiveTask task) {
        return new DirectiveRule.Standing(task.id(), task.state, task.balance(), task.checkpointState,
                task.pauseDueAt, task.estimatedTokens);
    }

    private boolean withinGrace(LiveTask task, Instant now) {
        return DirectiveRule.withinGrace(task.checkpointState, task.checkpointRequestedAt, settings.checkpointGrace(),
                now);
    }

    /** The adaptive threshold: one typical step before the end of the task's budget. */
    private static double thresholdOf(LiveTask task, long step) {
        return AdaptiveThreshold.forTask(task.budget, step, task.project().thresholds());
    }

    /** p90 of the task's last 50 calls, or of its agent type's last 200 in the project while it has fewer than 3. */
    private long typicalStep(LiveTask task) {
        if (task.steps.size() >= MIN_OWN_STEPS || task.agentType() == null) {
            return task.steps.p90();
        }
        return budgets.agentTypeSteps(task).p90();
    }
}

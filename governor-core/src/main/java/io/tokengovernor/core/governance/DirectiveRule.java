package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.AdaptiveThreshold;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.Enforcement;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Duration;
import java.time.Instant;

/**
 * The directive rule over plain values, shared by the engine and by whoever still keeps a task elsewhere: the task's
 * own rule ({@link Enforcement}) first; then its project's window: spent means PAUSE, a due pause means PAUSE, and
 * the project's adaptive threshold (one typical step of the task before the window's budget ends) asks for a
 * checkpoint like the task's own.
 */
public final class DirectiveRule {

    private DirectiveRule() {
    }

    /** Where a task stands, as the rule needs it. */
    public record Standing(String taskId, TaskState state, TokenBalance balance, CheckpointState checkpoint,
            Instant pauseDueAt, long estimatedTokens) {

        boolean stopped() {
            return state != TaskState.REGISTERED && state != TaskState.RUNNING;
        }
    }

    /** The room of the task's project: its budget per window, what the current window spent, its thresholds. */
    public record ProjectRoom(long budget, long windowUsed, ThresholdSettings thresholds) {
    }

    public static Directive evaluate(Standing task, double threshold, long step, ProjectRoom project) {
        TokenBalance balance = task.balance();
        if (task.stopped()) {
            return new Directive(task.taskId(), DirectiveAction.PAUSE, balance.used(), balance.reserved(),
                    balance.budget(), threshold, Math.max(0, task.estimatedTokens() - balance.used()),
                    "the task is " + task.state() + "; it may not spend tokens");
        }
        boolean saved = task.checkpoint() == CheckpointState.SAVED;
        Directive directive = Enforcement.directive(task.taskId(), balance, threshold, saved, task.estimatedTokens());
        if (directive.action() == DirectiveAction.PAUSE) {
            return directive;
        }
        TokenBalance room = new TokenBalance(project.budget(), project.windowUsed(), 0);
        if (room.exhausted()) {
            return with(directive, DirectiveAction.PAUSE, threshold, "project budget exhausted for the current window");
        }
        double projectThreshold = AdaptiveThreshold.forTask(project.budget(), step, project.thresholds());
        if (task.pauseDueAt() != null) {
            return with(directive, DirectiveAction.PAUSE, threshold, "a pause is due since " + task.pauseDueAt()
                    + " (a reservation was refused)");
        }
        if (directive.action() == DirectiveAction.CONTINUE && Enforcement.directive(task.taskId(), room,
                projectThreshold, saved, 0).action() == DirectiveAction.CHECKPOINT) {
            return with(directive, DirectiveAction.CHECKPOINT, threshold, "project threshold reached: " + room.used()
                    + " of " + room.budget() + " tokens of the current window used, threshold "
                    + Math.round(projectThreshold * 100) + "%");
        }
        return directive;
    }

    /**
     * Whether a checkpoint asked for before the current window began no longer counts: a new window starts a new
     * cycle, unless the task's own budget (which no window renews) still asks for a checkpoint or a pause.
     */
    public static boolean newWindowStartsCycle(Standing task, Instant checkpointRequestedAt, Instant windowStart,
            double threshold) {
        return !task.stopped() && checkpointRequestedAt != null && checkpointRequestedAt.isBefore(windowStart)
                && Enforcement.directive(task.taskId(), task.balance(), threshold, false, 0).action()
                        == DirectiveAction.CONTINUE;
    }

    /** Whether the task's checkpoint grace (counted from the cycle's request) still runs at {@code now}. */
    public static boolean withinGrace(CheckpointState checkpoint, Instant requestedAt, Duration grace, Instant now) {
        return checkpoint == CheckpointState.REQUESTED && requestedAt != null
                && now.isBefore(requestedAt.plus(grace));
    }

    /** The answer while a due pause waits for the grace to end: save a checkpoint now. */
    public static Directive graceAnswer(Directive pause, Duration grace) {
        return with(pause, DirectiveAction.CHECKPOINT, pause.threshold(), pause.reason()
                + "; save a checkpoint now, the task pauses after a grace period of " + grace.toSeconds() + " s");
    }

    /** A refused reservation's answer: the refusal, then the directive's own reason. */
    public static Directive refusalAnswer(Directive directive, String refusal) {
        return with(directive, directive.action(), directive.threshold(),
                "reservation denied: " + refusal + "; " + directive.reason());
    }

    /** The cause a refusal names by its level ("task budget: …", "package budget: …", "project budget: …"). */
    public static PauseCause causeOfRefusal(String refusal) {
        return refusal.startsWith("task") ? PauseCause.TASK
                : refusal.startsWith("package") ? PauseCause.PACKAGE : PauseCause.PROJECT;
    }

    private static Directive with(Directive base, DirectiveAction action, double threshold, String reason) {
        return new Directive(base.taskId(), action, base.used(), base.reserved(), base.budget(), threshold,
                base.remainingEstimate(), reason);
    }
}

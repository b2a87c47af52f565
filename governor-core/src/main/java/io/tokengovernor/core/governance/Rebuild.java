package io.tokengovernor.core.governance;

import java.time.Instant;

/**
 * Restores an engine's live budgets from what was persisted (on a server's start: the registry rows, the window
 * totals, the held reservations, the latest calls and the counted event ids), so that the rebuilt engine decides
 * as the one that wrote them would have. Projects first (through {@link Governor#project}), then packages, tasks,
 * reservations, calls. Reserved tokens are not restored as numbers: they are the held reservations' sum.
 */
public final class Rebuild {

    private final LiveBudgets budgets;
    private final UsageCounter usage;

    Rebuild(LiveBudgets budgets, UsageCounter usage) {
        this.budgets = budgets;
        this.usage = usage;
    }

    /** A project window's total as stored. */
    public Rebuild window(String projectId, Instant start, long used) {
        budgets.project(projectId).restoreWindow(start, used);
        return this;
    }

    /** A package with what its tasks spent while in it (its budget is its tasks' sum). */
    public Rebuild taskPackage(String id, String projectId, long used) {
        budgets.project(projectId);
        LivePackage taskPackage = budgets.packages.computeIfAbsent(id, key -> new LivePackage(id, projectId));
        taskPackage.used = used;
        return this;
    }

    public Rebuild task(TaskSnapshot row) {
        LiveProject project = budgets.project(row.projectId());
        LivePackage taskPackage = row.packageId() == null ? null : budgets.taskPackage(row.packageId());
        LiveTask task = new LiveTask(row.id(), project, taskPackage, row.agentId(), row.agentType(), row.tier(),
                row.estimatedTokens(), row.budget(), row.state(), budgets.due);
        task.used = row.used();
        task.checkpointState = row.checkpointState();
        task.checkpointRequestedAt = row.checkpointRequestedAt();
        task.pauseCause = row.pauseCause();
        task.threshold = row.threshold();
        task.typicalStep = row.typicalStep();
        task.pausedWithoutCheckpoint = row.pausedWithoutCheckpoint();
        task.queuedAt = row.queuedAt();
        task.resumes = row.resumes();
        if (row.pauseDueAt() != null) {
            task.pauseDue(row.pauseDueAt(), row.pauseCause());
        }
        LiveTask replaced = budgets.tasks.put(row.id(), task);
        if (taskPackage != null) {
            taskPackage.tasks.remove(replaced);
            taskPackage.tasks.add(task);
        }
        return this;
    }

    /** A reservation still held: its tokens are held again at task, package and project. */
    public Rebuild held(LiveReservation reservation) {
        LiveTask task = budgets.task(reservation.taskId());
        budgets.held.put(reservation.id(), reservation);
        task.reserved += reservation.tokens();
        if (reservation.packageId() != null) {
            budgets.taskPackage(reservation.packageId()).reserved += reservation.tokens();
        }
        budgets.project(reservation.projectId()).reserved += reservation.tokens();
        return this;
    }

    /** One of the task's latest calls (the typical step is measured on them; counters do not move). */
    public Rebuild call(String taskId, Instant at, long tokens) {
        budgets.task(taskId).steps.add(at, tokens);
        return this;
    }

    /** One of the latest calls of an agent type in a project. */
    public Rebuild agentTypeCall(String projectId, String agentType, Instant at, long tokens) {
        budgets.agentTypeSteps.computeIfAbsent(projectId + '\n' + agentType,
                key -> new RecentSteps(LiveBudgets.AGENT_TYPE_STEPS)).add(at, tokens);
        return this;
    }

    /** An event id already counted: a repeat of it is ignored. */
    public Rebuild counted(String eventId) {
        usage.restoreSeen(eventId);
        return this;
    }
}

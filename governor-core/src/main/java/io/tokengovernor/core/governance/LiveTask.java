package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.registry.TaskState;
import java.time.Instant;
import java.util.Set;

/**
 * A task's live budget and where it stands in its checkpoint cycle: the same fields and moves as the server's
 * task row, so that the engine decides on exactly what the server stores.
 */
public final class LiveTask {

    static final int OWN_STEPS = 50;

    private final String id;
    private final LiveProject project;
    final LivePackage taskPackage;
    private final String agentId;
    private final String agentType;
    private final Integer tier;
    long estimatedTokens;
    long budget;
    long used;
    long reserved;
    TaskState state;
    CheckpointState checkpointState = CheckpointState.NONE;
    Instant checkpointRequestedAt;
    Instant pauseDueAt;
    PauseCause pauseCause;
    Double threshold;
    Long typicalStep;
    boolean pausedWithoutCheckpoint;
    Instant queuedAt;
    int resumes;
    final RecentSteps steps = new RecentSteps(OWN_STEPS);
    /** The tasks with a pause due, which the sweep and the grace ends look at (shared by all tasks). */
    private final Set<LiveTask> due;

    LiveTask(String id, LiveProject project, LivePackage taskPackage, String agentId, String agentType, Integer tier,
            long estimatedTokens, long budget, TaskState state, Set<LiveTask> due) {
        this.due = due;
        this.id = id;
        this.project = project;
        this.taskPackage = taskPackage;
        this.agentId = agentId;
        this.agentType = agentType;
        this.tier = tier;
        this.estimatedTokens = estimatedTokens;
        this.budget = budget;
        this.state = state;
    }

    /** States in which a task may spend tokens; a queued task waits for the scheduler. */
    boolean stopped() {
        return state != TaskState.REGISTERED && state != TaskState.RUNNING;
    }

    /** Only the first request of a cycle counts. */
    boolean requestCheckpoint(Instant now) {
        if (checkpointState != CheckpointState.NONE) {
            return false;
        }
        checkpointState = CheckpointState.REQUESTED;
        checkpointRequestedAt = now;
        return true;
    }

    /** A new cycle: no checkpoint asked for, no pause due. */
    void startCycle() {
        checkpointState = CheckpointState.NONE;
        checkpointRequestedAt = null;
        pauseDueAt = null;
        pauseCause = null;
        due.remove(this);
    }

    /** @return whether the pause became due just now (it was not due already) */
    boolean pauseDue(Instant now, PauseCause cause) {
        if (pauseDueAt != null) {
            return false;
        }
        pauseDueAt = now;
        pauseCause = cause;
        due.add(this);
        return true;
    }

    /** @return false when the task's state cannot pause */
    boolean pause() {
        if (!state.canMoveTo(TaskState.PAUSED)) {
            return false;
        }
        state = TaskState.PAUSED;
        pauseDueAt = null;
        due.remove(this);
        pausedWithoutCheckpoint = checkpointState != CheckpointState.SAVED;
        return true;
    }

    boolean enqueue(Instant now) {
        if (!state.canMoveTo(TaskState.QUEUED)) {
            return false;
        }
        state = TaskState.QUEUED;
        queuedAt = now;
        return true;
    }

    void resume() {
        state = TaskState.RUNNING;
        resumes++;
        queuedAt = null;
        startCycle();
    }

    /** What a server stores of the task (and a rebuild restores). */
    public TaskSnapshot snapshot() {
        return new TaskSnapshot(id, project.id(), packageId(), agentId, agentType, tier, estimatedTokens, budget, used,
                state, checkpointState, checkpointRequestedAt, pauseDueAt, pauseCause, threshold, typicalStep,
                pausedWithoutCheckpoint, queuedAt, resumes);
    }

    /** Whether it waits for a raise of its own budget (or its package's) rather than for project tokens. */
    public boolean waitsForOwnBudget() {
        return pauseCause != null && pauseCause.needsRaise() || used >= budget;
    }

    public TokenBalance balance() {
        return new TokenBalance(budget, used, reserved);
    }

    public String id() {
        return id;
    }

    public LiveProject project() {
        return project;
    }

    public String packageId() {
        return taskPackage == null ? null : taskPackage.id();
    }

    public String agentId() {
        return agentId;
    }

    public String agentType() {
        return agentType;
    }

    /** 1 or 2; the project's unless the task was given its own. */
    public int tier() {
        return tier != null ? tier : project.tier();
    }

    public long estimatedTokens() {
        return estimatedTokens;
    }

    public long budget() {
        return budget;
    }

    public long used() {
        return used;
    }

    public long reserved() {
        return reserved;
    }

    public TaskState state() {
        return state;
    }

    public CheckpointState checkpointState() {
        return checkpointState;
    }

    public Instant checkpointRequestedAt() {
        return checkpointRequestedAt;
    }

    public Instant pauseDueAt() {
        return pauseDueAt;
    }

    public PauseCause pauseCause() {
        return pauseCause;
    }

    public boolean pausedWithoutCheckpoint() {
        return pausedWithoutCheckpoint;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public int resumes() {
        return resumes;
    }

    /** The typical step the last decision measured (0 before any). */
    public long typicalStep() {
        return typicalStep == null ? 0 : typicalStep;
    }
}

package io.tokengovernor.registry.entity;

import io.tokengovernor.ConflictException;
import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.persistence.FlagConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A unit of agent work with its own token budget and a recorded lifecycle. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    private Project project;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agent_id")
    private Agent agent;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "package_id")
    private TaskPackage taskPackage;
    @Column(name = "parent_task_id")
    private String parentTaskId;
    @Enumerated(EnumType.STRING)
    private Complexity complexity;
    @Column(name = "estimated_tokens")
    private long estimatedTokens;
    @Column(name = "token_budget")
    private long tokenBudget;
    @Column(name = "used_tokens")
    private long usedTokens;
    @Column(name = "reserved_tokens")
    private long reservedTokens;
    @Enumerated(EnumType.STRING)
    private TaskState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "checkpoint_state")
    private CheckpointState checkpointState;
    private String description;
    @Column(name = "checkpoint_requested_at")
    private Instant checkpointRequestedAt;
    @Column(name = "pause_due_at")
    private Instant pauseDueAt;
    @Column(name = "checkpoint_asked_at")
    private Instant checkpointAskedAt;
    @Column(name = "pause_cause")
    private String pauseCause;
    @Column(name = "typical_step")
    private Long typicalStep;
    @Column(name = "paused_without_checkpoint")
    @Convert(converter = FlagConverter.class)
    private boolean pausedWithoutCheckpoint;
    private Double threshold;
    private Integer tier;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "predicted_resume_at")
    private Instant predictedResumeAt;
    @Column(name = "predicted_tokens")
    private Long predictedTokens;
    private String prediction;
    private int resumes;
    @Column(name = "paused_after_resume")
    @Convert(converter = FlagConverter.class)
    private boolean pausedAfterResume;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST)
    @OrderBy("seq ASC")
    private List<TaskTransition> transitions = new ArrayList<>();

    protected Task() {
    }

    public Task(String id, Project project, Agent agent, TaskPackage taskPackage, TaskRegistration registration,
            Instant now) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.agent = agent;
        this.taskPackage = taskPackage;
        this.parentTaskId = registration.parentTaskId();
        this.complexity = registration.estimate().complexity();
        this.estimatedTokens = registration.estimate().estimatedTokens();
        this.tokenBudget = registration.tokenBudget();
        this.description = registration.description();
        this.tier = registration.tier() != null ? registration.tier() : project.getTier();
        this.checkpointState = CheckpointState.NONE;
        this.createdAt = now;
        this.updatedAt = now;
        this.state = TaskState.REGISTERED;
        transitions.add(new TaskTransition(this, 0, null, TaskState.REGISTERED, "registered", now));
    }

    /** Moves the task to {@code next} and records why; refuses moves its lifecycle does not allow. */
    public TaskTransition moveTo(TaskState next, String reason, Instant now) {
        if (!state.canMoveTo(next)) {
            throw ConflictException.state("Task " + id + " is " + state + " and cannot become " + next
                    + "; allowed next states: " + state.successors() + ".");
        }
        TaskTransition transition = new TaskTransition(this, transitions.size(), state, next, reason, now);
        transitions.add(transition);
        state = next;
        updatedAt = now;
        return transition;
    }

    /** The fields in which this task differs from a registration of the same id. */
    public List<String> differencesFrom(TaskRegistration registration) {
        List<String> differences = new ArrayList<>();
        if (!project.getId().equals(registration.projectId())) {
            differences.add("projectId");
        }
        if (!Objects.equals(getAgentId(), registration.agentId())) {
            differences.add("agentId");
        }
        if (registration.agentType() != null && agent != null && !agent.acceptsType(registration.agentType())) {
            differences.add("agentType");
        }
        if (!Objects.equals(getPackageId(), registration.packageId())) {
            differences.add("packageId");
        }
        if (!Objects.equals(parentTaskId, registration.parentTaskId())) {
            differences.add("parentTaskId");
        }
        if (complexity != registration.estimate().complexity()) {
            differences.add("complexity");
        }
        if (registration.estimateGiven() && estimatedTokens != registration.estimate().estimatedTokens()) {
            differences.add("estimatedTokens");
        }
        if (registration.budgetGiven() && tokenBudget != registration.tokenBudget()) {
            differences.add("tokenBudget");
        }
        if (!Objects.equals(description, registration.description())) {
            differences.add("description");
        }
        if (registration.tier() != null && registration.tier() != getTier()) {
            differences.add("tier");
        }
        return differences;
    }

    /** Asks the agent to save its work; only the first request of a cycle counts. */
    public boolean requestCheckpoint(Instant now) {
        if (checkpointState != CheckpointState.NONE) {
            return false;
        }
        checkpointState = CheckpointState.REQUESTED;
        checkpointRequestedAt = now;
        updatedAt = now;
        return true;
    }

    /** The agent was told to write the checkpoint requested now (the Claude Code hooks tell it once). */
    public void checkpointAsked(Instant now) {
        checkpointAskedAt = now;
    }

    /** Whether the agent was already told about the current checkpoint request. */
    public boolean isCheckpointAsked() {
        return checkpointAskedAt != null
                && (checkpointRequestedAt == null || !checkpointAskedAt.isBefore(checkpointRequestedAt));
    }

    /** A new budget window started: the checkpoint asked for in the last one no longer counts. */
    public void startCheckpointCycle(Instant now) {
        checkpointState = CheckpointState.NONE;
        checkpointRequestedAt = null;
        pauseDueAt = null;
        pauseCause = null;
        updatedAt = now;
    }

    /** A checkpoint saved after a pause repairs the pause: nothing is lost any more. */
    public void checkpointSaved(Instant now) {
        checkpointState = CheckpointState.SAVED;
        pausedWithoutCheckpoint = false;
        updatedAt = now;
    }

    /**
     * Pauses the task. A pause that finds no saved checkpoint is flagged so that it is alerted,
     * never silent. Returns false when the task is not in a state that can pause.
     */
    public boolean pause(String reason, Instant now) {
        if (!state.canMoveTo(TaskState.PAUSED)) {
            return false;
        }
        moveTo(TaskState.PAUSED, reason, now);
        pauseDueAt = null;
        pausedWithoutCheckpoint = checkpointState != CheckpointState.SAVED;
        pausedAfterResume = pausedAfterResume || resumes > 0;
        return true;
    }

    /** A paused task joins the scheduler's queue to wait for tokens. */
    public boolean enqueue(String reason, Instant now) {
        if (!state.canMoveTo(TaskState.QUEUED)) {
            return false;
        }
        moveTo(TaskState.QUEUED, reason, now);
        queuedAt = now;
        return true;
    }

    /** Back to work: a new checkpoint cycle starts, the queue entry and its prediction are done. */
    public void resume(String reason, Instant now) {
        moveTo(TaskState.RUNNING, reason, now);
        resumes++;
        queuedAt = null;
        predictedResumeAt = null;
        predictedTokens = null;
        prediction = null;
        checkpointState = CheckpointState.NONE;
        checkpointRequestedAt = null;
        pauseDueAt = null;
        pauseCause = null;
    }

    /**
     * A budget is spent or a reservation was refused: the task pauses once its checkpoint grace is over.
     *
     * @return whether the pause became due just now (it was not due already)
     */
    public boolean pauseDue(Instant now, PauseCause cause) {
        if (pauseDueAt != null) {
            return false;
        }
        pauseDueAt = now;
        pauseCause = cause.name();
        updatedAt = now;
        return true;
    }

    /** Whether the task waits for a raise of its own budget (or its package's) rather than for project tokens. */
    public boolean waitsForOwnBudget() {
        return pauseCause != null && PauseCause.valueOf(pauseCause).needsRaise() || usedTokens >= tokenBudget;
    }

    public Instant getPauseDueAt() {
        return pauseDueAt;
    }

    public PauseCause getPauseCause() {
        return pauseCause == null ? null : PauseCause.valueOf(pauseCause);
    }

    /** What the scheduler expects for this queued task: when it resumes, and with how many tokens free. */
    public void predict(String outcome, Instant resumeAt, Long tokens) {
        this.prediction = outcome;
        this.predictedResumeAt = resumeAt;
        this.predictedTokens = tokens;
    }

    /** Raises (or lowers) the task's own budget. */
    public void changeBudget(long tokens, Instant now) {
        if (tokens > tokenBudget && pauseCause != null && PauseCause.valueOf(pauseCause).needsRaise()) {
            pauseCause = null; // raised: what stopped it may fit now
        }
        this.tokenBudget = tokens;
        this.updatedAt = now;
    }

    /** The task's typical call (p90 of its recent calls) as last measured; the scheduler needs it. */
    public void measuredStep(long step) {
        this.typicalStep = step;
    }

    public long getTypicalStep() {
        return typicalStep == null ? 0 : typicalStep;
    }

    /** The threshold last applied to this task, kept for status and the dashboard. */
    public void applyThreshold(double value) {
        this.threshold = value;
    }

    void joinPackage(TaskPackage target) {
        this.taskPackage = target;
    }

    public TokenBalance balance() {
        return new TokenBalance(tokenBudget, usedTokens, reservedTokens);
    }

    public String getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public Agent getAgent() {
        return agent;
    }

    public String getAgentId() {
        return agent == null ? null : agent.getId();
    }

    public TaskPackage getTaskPackage() {
        return taskPackage;
    }

    public String getPackageId() {
        return taskPackage == null ? null : taskPackage.getId();
    }

    public String getParentTaskId() {
        return parentTaskId;
    }

    public Complexity getComplexity() {
        return complexity;
    }

    public long getEstimatedTokens() {
        return estimatedTokens;
    }

    public long getTokenBudget() {
        return tokenBudget;
    }

    public long getUsedTokens() {
        return usedTokens;
    }

    public long getReservedTokens() {
        return reservedTokens;
    }

    public long getRemainingTokens() {
        return balance().remaining();
    }

    public TaskState getState() {
        return state;
    }

    public CheckpointState getCheckpointState() {
        return checkpointState;
    }

    public Instant getCheckpointRequestedAt() {
        return checkpointRequestedAt;
    }

    public boolean isPausedWithoutCheckpoint() {
        return pausedWithoutCheckpoint;
    }

    public Double getThreshold() {
        return threshold;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getPredictedResumeAt() {
        return predictedResumeAt;
    }

    public Long getPredictedTokens() {
        return predictedTokens;
    }

    public String getPrediction() {
        return prediction;
    }

    public int getResumes() {
        return resumes;
    }

    public boolean isPausedAfterResume() {
        return pausedAfterResume;
    }

    /** 1 (high) or 2 (low): tier-2 tasks yield their reservations to tier-1 work when the project runs short. */
    public int getTier() {
        return tier != null ? tier : project.getTier();
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<TaskTransition> getTransitions() {
        return List.copyOf(transitions);
    }
}

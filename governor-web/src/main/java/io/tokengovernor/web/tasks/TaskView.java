package io.tokengovernor.web.tasks;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.CheckpointState;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskTransition;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the API shows it; {@code transitions} only when a single task is read or registered. */
@Schema(name = "Task")
public class TaskView {

    public String id;
    public String projectId;
    public String agentId;
    public String agentType;
    public String packageId;
    public String parentTaskId;
    public Complexity complexity;
    public long estimatedTokens;
    public long tokenBudget;
    public long usedTokens;
    public long reservedTokens;
    public long remainingTokens;
    public TaskState state;
    public CheckpointState checkpointState;
    @Schema(description = "Set when the task was paused before a checkpoint was saved")
    public boolean pausedWithoutCheckpoint;
    @Schema(description = "Checkpoint threshold last applied, as a share of the budget")
    public Double threshold;
    @Schema(description = "1 (high) or 2 (low)")
    public int tier;
    public String description;
    public Instant createdAt;
    public Instant updatedAt;
    @Schema(description = "Every state change, oldest first")
    public List<TransitionView> transitions;

    public static TaskView summary(Task task) {
        TaskView view = new TaskView();
        view.id = task.getId();
        view.projectId = task.getProject().getId();
        view.agentId = task.getAgentId();
        view.agentType = task.getAgent() == null ? null : task.getAgent().getType();
        view.packageId = task.getPackageId();
        view.parentTaskId = task.getParentTaskId();
        view.complexity = task.getComplexity();
        view.estimatedTokens = task.getEstimatedTokens();
        view.tokenBudget = task.getTokenBudget();
        view.usedTokens = task.getUsedTokens();
        view.reservedTokens = task.getReservedTokens();
        view.remainingTokens = task.getRemainingTokens();
        view.state = task.getState();
        view.checkpointState = task.getCheckpointState();
        view.pausedWithoutCheckpoint = task.isPausedWithoutCheckpoint();
        view.threshold = task.getThreshold();
        view.tier = task.getTier();
        view.description = task.getDescription();
        view.createdAt = task.getCreatedAt();
        view.updatedAt = task.getUpdatedAt();
        return view;
    }

    public static TaskView detailed(Task task) {
        TaskView view = summary(task);
        view.transitions = task.getTransitions().stream().map(TransitionView::of).toList();
        return view;
    }

    /** One recorded state change. */
    @Schema(name = "TaskTransition")
    public static class TransitionView {
        @Schema(description = "Absent for the registration itself")
        public TaskState from;
        public TaskState to;
        public String reason;
        public Instant at;

        static TransitionView of(TaskTransition transition) {
            TransitionView view = new TransitionView();
            view.from = transition.getFromState();
            view.to = transition.getToState();
            view.reason = transition.getReason();
            view.at = transition.getOccurredAt();
            return view;
        }
    }
}

package io.tokengovernor.web.scheduler;

import io.tokengovernor.scheduler.boundary.QueueSnapshot;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A queued task and what the scheduler expects for it. */
@Schema(name = "QueuedTask")
public class QueuedTaskView {

    public String taskId;
    public String projectId;
    public String packageId;
    public int tier;
    public Instant queuedAt;
    public long usedTokens;
    public long tokenBudget;
    @Schema(enumeration = {"NOW", "AT_WINDOW_RESET", "NOT_WITHIN_BUDGET", "NEEDS_TASK_BUDGET_RAISE"},
            description = "The last pass's prediction; absent until a pass has seen the task")
    public String prediction;
    public Instant predictedResumeAt;
    public Long predictedTokens;

    static QueuedTaskView of(QueueSnapshot.QueuedTask task) {
        QueuedTaskView view = new QueuedTaskView();
        view.taskId = task.taskId();
        view.projectId = task.projectId();
        view.packageId = task.packageId();
        view.tier = task.tier();
        view.queuedAt = task.queuedAt();
        view.usedTokens = task.usedTokens();
        view.tokenBudget = task.tokenBudget();
        view.prediction = task.prediction();
        view.predictedResumeAt = task.predictedResumeAt();
        view.predictedTokens = task.predictedTokens();
        return view;
    }
}

package io.tokengovernor.gateway.boundary;

import io.tokengovernor.core.claudecode.BudgetLine;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.notify.boundary.ErrorLog;
import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.notify.entity.ErrorEntry;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task-side effects of gateway calls, each in a transaction of its own: the checkpoint reminder told once per
 * request (the same mark the hooks use), the text of a refusal, and upstream failures in the error log and to the
 * project's webhook.
 */
@Stateless
public class GatewayDirectives {

    @Inject
    TaskRegistry tasks;

    @Inject
    ProjectRegistry projects;

    @Inject
    ErrorLog errors;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    /** The reminder to append when the directive asks for a checkpoint the task was not yet told about, else null. */
    public String reminderOnce(String taskId, Directive directive) {
        if (directive.action() != DirectiveAction.CHECKPOINT) {
            return null;
        }
        Task task = tasks.get(taskId);
        if (task.isCheckpointAsked()) {
            return null;
        }
        task.checkpointAsked(clock.instant());
        return CheckpointText.request("the token budget is nearly spent (" + directive.used() + " of "
                + directive.budget() + " used).");
    }

    /** Why the task may not spend, naming TokenGovernor, the reason and the predicted resume. */
    public String refusalOf(String taskId, Directive directive) {
        Task task = tasks.get(taskId);
        return BudgetLine.paused(directive, task.getPredictedResumeAt(), task.getPrediction())
                .replace("paused this task", "paused task " + taskId);
    }

    /** An upstream call failed (timeout, 5xx, 529, refused connection): logged and sent to the project's webhook. */
    public void upstreamFailed(String projectId, String taskId, String api, int status, String detail) {
        String text = api + " upstream " + (status > 0 ? "answered " + status : "failed") + " for task " + taskId
                + ": " + detail;
        errors.recordWithin(ErrorEntry.Kind.EXTERNAL_CALL, "gateway", text, projectId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", "gateway");
        details.put("taskId", taskId);
        details.put("status", status);
        details.put("detail", text);
        notifications.notify(projects.get(projectId), Notifications.Event.error, details);
    }
}

package io.tokengovernor.web.usage;

import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a task must do next, with the numbers behind it. */
@Schema(name = "Directive")
public class DirectiveView {

    public String taskId;
    public DirectiveAction action;
    public long used;
    public long reserved;
    public long budget;
    @Schema(description = "Checkpoint threshold as a share of the budget", example = "0.9")
    public double threshold;
    @Schema(description = "Tokens the task is still expected to need")
    public long remainingEstimate;
    public String reason;

    public static DirectiveView of(Directive directive) {
        DirectiveView view = new DirectiveView();
        view.taskId = directive.taskId();
        view.action = directive.action();
        view.used = directive.used();
        view.reserved = directive.reserved();
        view.budget = directive.budget();
        view.threshold = directive.threshold();
        view.remainingEstimate = directive.remainingEstimate();
        view.reason = directive.reason();
        return view;
    }
}

package io.tokengovernor.web.tasks;

import io.tokengovernor.web.PageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of tasks (a named type so that OpenAPI shows the item schema). */
@Schema(name = "TaskPage")
public class TaskPageView extends PageView<TaskView> {
}

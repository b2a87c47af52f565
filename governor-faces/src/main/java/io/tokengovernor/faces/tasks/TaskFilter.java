package io.tokengovernor.faces.tasks;

import io.tokengovernor.core.registry.TaskState;
import java.io.Serializable;

/** The project and state chosen above the tasks table; null means "all". */
public class TaskFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String projectId;
    private TaskState state;

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId;
    }

    public TaskState getState() {
        return state;
    }

    public void setState(TaskState state) {
        this.state = state;
    }
}

package io.tokengovernor.faces.tasks;

import io.tokengovernor.GovernorException;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.faces.layout.Feedback;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskTransition;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;

/** Backs {@code tasks.xhtml}: tasks filtered by project and state, and the transitions of one task. */
@Named
@ViewScoped
public class TasksView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":tasksForm:tasks";

    @Inject
    TaskRegistry taskRegistry;

    @Inject
    ProjectRegistry projectRegistry;

    private final TaskFilter filter = new TaskFilter();
    private ProjectNames projectNames;
    private LazyDataModel<Task> tasks;
    private String selectedTaskId;
    private List<TaskTransition> transitions = List.of();

    @PostConstruct
    void init() {
        projectNames = ProjectNames.load(projectRegistry);
        tasks = new TaskTableModel(taskRegistry, filter);
    }

    public void filterChanged() {
        TablePaging.rewind(TABLE_ID);
    }

    /** Reads the task afresh, so the dialog shows every transition up to now; the page opens the dialog. */
    public void showTransitions(String taskId) {
        try {
            Task task = taskRegistry.get(taskId);
            selectedTaskId = task.getId();
            // loaded inside the registry's transaction: a lazy load here would hold the one connection
            transitions = taskRegistry.transitionsOf(task.getId());
            PrimeFaces.current().ajax().addCallbackParam("found", true);
        } catch (GovernorException e) {
            Feedback.refused("Showing transitions of task " + taskId, e);
        }
    }

    public String projectName(Task task) {
        return projectNames.nameOf(task.getProject().getId());
    }

    /** Colour of a state's tag: where the task stands at a glance. */
    public String severity(TaskState state) {
        return StateTag.severity(state);
    }

    public TaskState[] getStates() {
        return TaskState.values();
    }

    public TaskFilter getFilter() {
        return filter;
    }

    public ProjectNames getProjectNames() {
        return projectNames;
    }

    public LazyDataModel<Task> getTasks() {
        return tasks;
    }

    public String getSelectedTaskId() {
        return selectedTaskId;
    }

    public List<TaskTransition> getTransitions() {
        return transitions;
    }
}

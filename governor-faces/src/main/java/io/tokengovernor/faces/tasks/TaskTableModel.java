package io.tokengovernor.faces.tasks;

import io.tokengovernor.registry.boundary.Page;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.Task;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the tasks table through {@link TaskRegistry#list}, newest first, filtered by the {@link TaskFilter}. */
class TaskTableModel extends LazyDataModel<Task> {

    private static final long serialVersionUID = 1L;

    private final TaskRegistry registry;
    private final TaskFilter filter;

    TaskTableModel(TaskRegistry registry, TaskFilter filter) {
        this.registry = registry;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> columnFilters) {
        return Math.toIntExact(registry.list(filter.getProjectId(), null, filter.getState(), 0, 1).total());
    }

    @Override
    public List<Task> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> columnFilters) {
        int size = Math.max(1, pageSize);
        Page<Task> page = registry.list(filter.getProjectId(), null, filter.getState(), first / size, size);
        setRowCount(Math.toIntExact(page.total()));
        return page.items();
    }

    @Override
    public String getRowKey(Task task) {
        return task.getId();
    }
}

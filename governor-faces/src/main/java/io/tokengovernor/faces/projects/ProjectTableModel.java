package io.tokengovernor.faces.projects;

import io.tokengovernor.registry.boundary.Listing;
import io.tokengovernor.registry.boundary.Page;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.entity.Project;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Pages, sorts and filters the projects table in the database through {@link ProjectRegistry#list}.
 * Sorting comes from the table's column headers, filtering from the {@link ProjectFilter} bar.
 */
class ProjectTableModel extends LazyDataModel<Project> {

    private static final long serialVersionUID = 1L;

    private final ProjectRegistry registry;
    private final ProjectFilter filter;

    ProjectTableModel(ProjectRegistry registry, ProjectFilter filter) {
        this.registry = registry;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> columnFilters) {
        Listing oneRow = new Listing(filter.toListingFilters(), null, true, 0, 1);
        return Math.toIntExact(registry.list(oneRow).total());
    }

    @Override
    public List<Project> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> columnFilters) {
        SortMeta sort = sortBy.values().stream().filter(SortMeta::isActive).findFirst().orElse(null);
        String sortField = sort == null ? null : sort.getField();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        int size = Math.max(1, pageSize);
        Page<Project> page = registry.list(
                new Listing(filter.toListingFilters(), sortField, ascending, first / size, size));
        setRowCount(Math.toIntExact(page.total()));
        return page.items();
    }

    @Override
    public String getRowKey(Project project) {
        return project.getId();
    }
}

package io.tokengovernor.faces.packages;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.BudgetUse;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.faces.tasks.StateTag;
import io.tokengovernor.registry.boundary.PackageOverview;
import io.tokengovernor.registry.boundary.PackageOverview.PackageLine;
import io.tokengovernor.registry.boundary.PackageOverview.PackageTask;
import io.tokengovernor.registry.boundary.PackageOverview.TransitionLine;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code packages.xhtml}: the newest packages with their tasks, and the timeline of a package
 * once its row is expanded. Packages are read in one call of {@link PackageOverview}; a timeline is
 * read when first shown and kept until the next refresh.
 */
@Named
@ViewScoped
public class PackagesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":packagesForm:packages";

    @Inject
    PackageOverview overview;

    @Inject
    ProjectRegistry projectRegistry;

    private String projectId;
    private ProjectNames projectNames;
    private List<PackageLine> packages = List.of();
    private final Map<String, List<TransitionLine>> timelines = new HashMap<>();

    /** Runs once the {@code project} view parameter is set. */
    public void load() {
        projectNames = ProjectNames.load(projectRegistry);
        if (projectId != null && !projectNames.getById().containsKey(projectId)) {
            projectId = null;
        }
        refresh();
    }

    public void refresh() {
        packages = overview.packages(projectId);
        timelines.clear();
    }

    public void filterChanged() {
        TablePaging.rewind(TABLE_ID);
        refresh();
    }

    public List<TransitionLine> timeline(String packageId) {
        return timelines.computeIfAbsent(packageId, overview::timeline);
    }

    /** The bar compares what the package spent with what it was expected to take. */
    public BudgetUse packageUse(PackageLine line) {
        return new BudgetUse(line.usedTokens(), line.estimatedTokens());
    }

    public BudgetUse taskUse(PackageTask task) {
        return new BudgetUse(task.usedTokens(), task.estimatedTokens());
    }

    public List<StateCount> stateCounts(PackageLine line) {
        return StateCount.of(line.tasks());
    }

    public String severity(TaskState state) {
        return StateTag.severity(state);
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId;
    }

    public ProjectNames getProjectNames() {
        return projectNames;
    }

    public List<PackageLine> getPackages() {
        return packages;
    }
}

package io.tokengovernor.faces.projects;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.faces.layout.ThemeSwitch;
import io.tokengovernor.faces.tasks.StateTag;
import io.tokengovernor.inspector.boundary.InspectorOverview;
import io.tokengovernor.inspector.boundary.overview.ProjectOverview;
import io.tokengovernor.inspector.boundary.overview.TaskLine;
import io.tokengovernor.registry.entity.Project;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs {@code project.xhtml?id=…}: one project's budget, its tasks and its token usage over time,
 * read in one call of {@link InspectorOverview}.
 */
@Named
@ViewScoped
public class ProjectView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InspectorOverview inspector;

    @Inject
    ThemeSwitch themeSwitch;

    private String id;
    private ProjectOverview overview;
    private UsageSeries usage;
    private String chartJson;

    /** Runs once the {@code id} view parameter is set; an unknown id leaves the page to say so. */
    public void load() {
        overview = inspector.project(id).orElse(null);
        if (overview != null) {
            usage = UsageSeries.of(overview.usage());
            chartJson = usage.isEmpty() ? null : UsageChart.json(usage, themeSwitch.isDark());
        }
    }

    public boolean isFound() {
        return overview != null;
    }

    public Project getProject() {
        return overview.project();
    }

    public ProjectOverview getOverview() {
        return overview;
    }

    public BudgetUse getBudgetUse() {
        return new BudgetUse(getProject().getUsedTokens(), getProject().getTokenBudget());
    }

    public String getWindowLabel() {
        return ProjectsView.labelOf(getProject().getBudgetWindow());
    }

    public BudgetUse budgetUse(TaskLine task) {
        return new BudgetUse(task.used(), task.budget());
    }

    public String severity(TaskState state) {
        return StateTag.severity(state);
    }

    public UsageSeries getUsage() {
        return usage;
    }

    /** "hour" or "day": what one point of the chart covers. */
    public String getBucketName() {
        return usage.resolution() == UsageSeries.Resolution.HOUR ? "hour" : "day";
    }

    public String getChartJson() {
        return chartJson;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id.strip();
    }
}

package io.tokengovernor.faces.inspector;

import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.BudgetUse;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.faces.tasks.StateTag;
import io.tokengovernor.inspector.boundary.InspectorOverview;
import io.tokengovernor.inspector.boundary.overview.Overview;
import io.tokengovernor.inspector.boundary.overview.TaskDirective;
import io.tokengovernor.notify.entity.OutboxMessage;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code inspector.xhtml}: what the inspector decided and what came of it, for all projects or
 * one. The whole page is read in one call of {@link InspectorOverview}, on opening, on a filter
 * change and on "Refresh".
 */
@Named
@ViewScoped
public class InspectorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> TABLE_IDS = List.of(":inspectorForm:directives", ":inspectorForm:checkpoints",
            ":inspectorForm:nearThreshold", ":inspectorForm:errors", ":inspectorForm:deliveries");

    @Inject
    InspectorOverview inspector;

    @Inject
    ProjectRegistry projectRegistry;

    private String projectId;
    private ProjectNames projectNames;
    private Overview overview;

    /** Runs once the {@code project} view parameter is set. */
    public void load() {
        projectNames = ProjectNames.load(projectRegistry);
        if (projectId != null && !projectNames.getById().containsKey(projectId)) {
            projectId = null;
        }
        refresh();
    }

    public void refresh() {
        overview = inspector.overview(projectId);
    }

    public void filterChanged() {
        TABLE_IDS.forEach(TablePaging::rewind);
        refresh();
    }

    /** CONTINUE green, CHECKPOINT orange, PAUSE red. */
    public String severity(DirectiveAction action) {
        return switch (action) {
            case CONTINUE -> "success";
            case CHECKPOINT -> "warning";
            case PAUSE -> "danger";
        };
    }

    /** The bar counts held tokens with spent ones, as the threshold does. */
    public BudgetUse budgetUse(TaskDirective directive) {
        return new BudgetUse(directive.used() + directive.reserved(), directive.budget());
    }

    public String severity(TaskState state) {
        return StateTag.severity(state);
    }

    public String severity(OutboxMessage.State state) {
        return switch (state) {
            case PENDING -> "info";
            case DELIVERED -> "success";
            case DEAD -> "danger";
        };
    }

    /** Alerts are what someone must act on; failed calls may heal on a retry; rejected input is the caller's. */
    public String errorSeverity(String kind) {
        return switch (kind) {
            case "ALERT" -> "danger";
            case "EXTERNAL_CALL" -> "warning";
            default -> "info";
        };
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

    public Overview getOverview() {
        return overview;
    }
}

package io.tokengovernor.faces.plans;

import io.tokengovernor.faces.layout.Feedback;
import io.tokengovernor.faces.layout.ProjectChoice;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.planning.boundary.PlanHistory;
import io.tokengovernor.planning.boundary.ProjectPlans;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/**
 * Backs {@code plans.xhtml?project=…[&version=N]}: a project's deep inspection, its workflow plan (the newest, or
 * the version asked for), the allocation and why, and the list of versions. A version that is not one of the
 * project's is said in a message and the current plan is shown instead.
 */
@Named
@ViewScoped
public class PlansView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanHistory history;

    @Inject
    ProjectRegistry projectRegistry;

    private String projectId;
    private String version;
    private ProjectNames projectNames;
    private ProjectPlans plans;
    private PlanDetails details;
    private AllocationCriteria criteria;

    /** Runs once the {@code project} and {@code version} view parameters are set. */
    public void load() {
        projectNames = ProjectNames.load(projectRegistry);
        if (projectId == null) {
            return;
        }
        Integer requested = requestedVersion();
        plans = history.of(projectId, requested).orElse(null);
        if (plans == null || plans.shown() == null) {
            return;
        }
        int shown = plans.shown().version().version();
        if (requested != null && requested != shown) {
            Feedback.warning("This project has no plan version " + requested + " (its versions are 1 to "
                    + plans.currentVersion() + "): the current plan, version " + shown + ", is shown.");
        }
        details = PlanDetails.parse(plans.shown().document());
        criteria = AllocationCriteria.of(details.inspection().toCore());
    }

    private Integer requestedVersion() {
        if (version == null) {
            return null;
        }
        if (version.matches("[1-9][0-9]{0,8}")) {
            return Integer.valueOf(version);
        }
        String given = version.length() > 40 ? version.substring(0, 40) + "…" : version;
        Feedback.warning("'" + given + "' is not a plan version (versions are whole numbers from 1): the current "
                + "plan is shown.");
        return null;
    }

    /** The project menu: opens the chosen project's plan as a page of its own, so its address can be shared. */
    public void projectChosen() throws IOException {
        ProjectChoice.open("/plans.xhtml", projectId);
    }

    public boolean isProjectChosen() {
        return projectId != null;
    }

    public boolean isFound() {
        return plans != null;
    }

    public boolean isHasPlan() {
        return details != null;
    }

    /** True when an older version than the newest is on show. */
    public boolean isOlderVersion() {
        return isHasPlan() && getShownVersion().version() != plans.currentVersion();
    }

    public ProjectPlans.Version getShownVersion() {
        return plans.shown().version();
    }

    public boolean isShown(ProjectPlans.Version version) {
        return isHasPlan() && version.version() == getShownVersion().version();
    }

    public String roleSeverity(String role) {
        return PlanDetails.roleSeverity(role);
    }

    public ProjectPlans getPlans() {
        return plans;
    }

    public PlanDetails getDetails() {
        return details;
    }

    public AllocationCriteria getCriteria() {
        return criteria;
    }

    public ProjectNames getProjectNames() {
        return projectNames;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId.strip().toLowerCase(Locale.ROOT);
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.strip();
    }
}

package io.tokengovernor.faces.pulls;

import io.tokengovernor.GovernorException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.faces.layout.Feedback;
import io.tokengovernor.faces.layout.ProjectChoice;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.faces.projects.ProjectNames;
import io.tokengovernor.pulls.boundary.PullRequestRefresh;
import io.tokengovernor.pulls.boundary.PullRequestRow;
import io.tokengovernor.pulls.boundary.PullRequests;
import io.tokengovernor.pulls.entity.PullState;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code pulls.xhtml?project=…[&state=open|merged|closed]}: a project's pull requests with their state,
 * reviews, tokens and links to GitHub, narrowed by state. A state the page does not know is said in a message and
 * every pull request is shown.
 */
@Named
@ViewScoped
public class PullsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE = ":pullsForm:pulls";

    @Inject
    PullRequests pullRequests;

    @Inject
    PullRequestRefresh refresh;

    @Inject
    ProjectRegistry projectRegistry;

    private String projectId;
    private String stateFilter;
    private ProjectNames projectNames;
    private PullList pulls;

    /** Runs once the {@code project} and {@code state} view parameters are set. */
    public void load() {
        projectNames = ProjectNames.load(projectRegistry);
        if (stateFilter != null) {
            String given = stateFilter.length() > 40 ? stateFilter.substring(0, 40) + "…" : stateFilter;
            stateFilter = PullList.stateNamed(stateFilter).map(PullState::name).orElse(null);
            if (stateFilter == null) {
                Feedback.warning("'" + given + "' is not a pull request state (open, merged or closed): all are "
                        + "shown.");
            }
        }
        if (projectId == null) {
            return;
        }
        try {
            pulls = new PullList(pullRequests.list(projectId), state());
        } catch (UnknownEntityException e) {
            pulls = null;
        }
    }

    /** The state buttons: the same pull requests, narrowed again. */
    public void stateChanged() {
        TablePaging.rewind(TABLE);
        if (pulls != null) {
            pulls = new PullList(pulls.all(), state());
        }
    }

    /**
     * Asks GitHub now how each of the project's pull requests stands (state, merge, reviews), as
     * {@code POST /api/projects/{id}/pulls/refresh} does; what GitHub could not tell about is said, one message each.
     */
    public void refreshFromGitHub() {
        try {
            PullRequestRefresh.Outcome outcome = refresh.refresh(projectId);
            Feedback.success(outcome.refreshed() == 1 ? "1 pull request brought up to date from GitHub"
                    : outcome.refreshed() + " pull requests brought up to date from GitHub");
            outcome.failures().forEach(Feedback::warning);
            pulls = new PullList(pullRequests.list(projectId), state());
        } catch (GovernorException e) {
            Feedback.refused("Refreshing from GitHub", e);
        }
    }

    /** The project menu: opens the chosen project's pull requests as a page of its own. */
    public void projectChosen() throws IOException {
        ProjectChoice.open("/pulls.xhtml", projectId);
    }

    private PullState state() {
        return PullList.stateNamed(stateFilter).orElse(null);
    }

    public String severity(PullState state) {
        return PullList.severity(state);
    }

    public String reviews(PullRequestRow pull) {
        return PullList.reviews(pull);
    }

    public String link(PullRequestRow pull) {
        return PullList.link(pull);
    }

    /** "Merged (2)": a state button's label. */
    public String stateLabel(PullState state) {
        String name = state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT);
        return name + " (" + pulls.count(state) + ")";
    }

    /** "merged", for "No merged pull request"; empty without a state. */
    public String getStateWord() {
        return stateFilter == null ? "" : stateFilter.toLowerCase(Locale.ROOT);
    }

    public List<PullState> getStates() {
        return List.of(PullState.values());
    }

    public boolean isProjectChosen() {
        return projectId != null;
    }

    public boolean isFound() {
        return pulls != null;
    }

    public String getProjectName() {
        return projectNames.nameOf(projectId);
    }

    public PullList getPulls() {
        return pulls;
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

    /** The state filter as the address and the buttons name it: empty for all, else OPEN, MERGED or CLOSED. */
    public String getStateFilter() {
        return stateFilter;
    }

    public void setStateFilter(String stateFilter) {
        this.stateFilter = stateFilter == null || stateFilter.isBlank() ? null : stateFilter.strip();
    }
}

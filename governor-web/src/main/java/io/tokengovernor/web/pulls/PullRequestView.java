package io.tokengovernor.web.pulls;

import io.tokengovernor.pulls.boundary.PullRequestRow;
import io.tokengovernor.pulls.entity.PullState;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pull request of a project as the API shows it. */
@Schema(name = "PullRequest")
public class PullRequestView {

    public String repository;
    public int number;
    public String title;
    public String url;
    public String branch;
    public String baseBranch;
    public PullState state;
    @Schema(description = "Reviewers whose latest review approves")
    public int approvals;
    @Schema(description = "Reviewers whose latest review requests changes")
    public int changesRequested;
    public boolean merged;
    public Instant mergedAt;
    @Schema(description = "Tokens spent by the tasks that produced it and their child tasks, as the ledger counts now")
    public long tokens;
    public List<String> taskIds;
    public Instant openedAt;
    public Instant updatedAt;
    @Schema(description = "When GitHub was last asked; absent until the first refresh")
    public Instant refreshedAt;

    static PullRequestView of(PullRequestRow row) {
        PullRequestView view = new PullRequestView();
        view.repository = row.repository();
        view.number = row.number();
        view.title = row.title();
        view.url = row.url();
        view.branch = row.branch();
        view.baseBranch = row.baseBranch();
        view.state = row.state();
        view.approvals = row.approvals();
        view.changesRequested = row.changesRequested();
        view.merged = row.merged();
        view.mergedAt = row.mergedAt();
        view.tokens = row.tokens();
        view.taskIds = row.taskIds();
        view.openedAt = row.openedAt();
        view.updatedAt = row.updatedAt();
        view.refreshedAt = row.refreshedAt();
        return view;
    }
}

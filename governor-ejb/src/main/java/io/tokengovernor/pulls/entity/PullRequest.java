package io.tokengovernor.pulls.entity;

import io.tokengovernor.persistence.FlagConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A pull request the PR agent opened for a project: where it is, what GitHub last said of it (state, reviews,
 * merge) and the tasks whose work it carries.
 */
@Entity
@Table(name = "pull_request")
@NamedQuery(name = PullRequest.OF_PROJECT,
        query = "select p from PullRequest p where p.projectId = :project order by p.openedAt desc, p.number desc")
@NamedQuery(name = PullRequest.ONE,
        query = "select p from PullRequest p where p.projectId = :project and p.repository = :repository"
                + " and p.number = :number")
@NamedQuery(name = PullRequest.OPEN,
        query = "select p from PullRequest p where p.state = io.tokengovernor.pulls.entity.PullState.OPEN"
                + " order by p.projectId, p.number")
public class PullRequest {

    public static final String OF_PROJECT = "PullRequest.ofProject";
    public static final String ONE = "PullRequest.one";
    public static final String OPEN = "PullRequest.open";

    @Id
    private String id;
    @Column(name = "project_id")
    private String projectId;
    private String repository;
    private int number;
    private String url;
    private String branch;
    @Column(name = "base_branch")
    private String baseBranch;
    private String title;
    @Enumerated(EnumType.STRING)
    private PullState state;
    private int approvals;
    @Column(name = "changes_requested")
    private int changesRequested;
    @Convert(converter = FlagConverter.class)
    private boolean merged;
    @Column(name = "merged_at")
    private Instant mergedAt;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "refreshed_at")
    private Instant refreshedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pull_request_task", joinColumns = @JoinColumn(name = "pull_request_id"))
    @Column(name = "task_id")
    private Set<String> taskIds = new TreeSet<>();

    protected PullRequest() {
    }

    public PullRequest(String projectId, PullRequestOpened opened, Instant now) {
        if (opened.number() < 1) {
            throw new IllegalArgumentException("pull request numbers start at 1: " + opened.number());
        }
        this.id = UUID.randomUUID().toString();
        this.projectId = projectId;
        this.repository = opened.repository();
        this.number = opened.number();
        this.openedAt = now;
        describe(opened, now);
    }

    /** What the PR agent says of the pull request (again): its place, title, state and tasks. */
    public final void describe(PullRequestOpened opened, Instant now) {
        this.url = opened.url();
        this.branch = opened.branch();
        this.baseBranch = opened.baseBranch();
        this.title = opened.title();
        this.taskIds.addAll(opened.taskIds());
        if (opened.state() != null) {
            this.state = opened.state();
            this.merged = opened.state() == PullState.MERGED;
        } else if (this.state == null) {
            this.state = PullState.OPEN;
        }
        this.updatedAt = now;
    }

    /** What GitHub shows now; the tasks stay. */
    public void refreshed(PullRequestOnGitHub seen, Instant now) {
        this.title = seen.title();
        this.state = seen.state();
        this.merged = seen.state() == PullState.MERGED;
        this.mergedAt = seen.mergedAt();
        this.approvals = seen.approvals();
        this.changesRequested = seen.changesRequested();
        this.refreshedAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getProjectId() {
        return projectId;
    }

    public String getRepository() {
        return repository;
    }

    public int getNumber() {
        return number;
    }

    public String getUrl() {
        return url;
    }

    public String getBranch() {
        return branch;
    }

    public String getBaseBranch() {
        return baseBranch;
    }

    public String getTitle() {
        return title;
    }

    public PullState getState() {
        return state;
    }

    public int getApprovals() {
        return approvals;
    }

    public int getChangesRequested() {
        return changesRequested;
    }

    public boolean isMerged() {
        return merged;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getRefreshedAt() {
        return refreshedAt;
    }

    public Set<String> getTaskIds() {
        return java.util.Collections.unmodifiableSet(taskIds);
    }
}

package io.tokengovernor.pulls.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.pulls.entity.PullRequest;
import io.tokengovernor.pulls.entity.PullRequestOnGitHub;
import io.tokengovernor.pulls.entity.PullRequestOpened;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.Registered;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.notify.boundary.Notifications;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pull requests of each project: recorded by the PR agent when it opens one, listed with the tokens of the
 * tasks that produced them, and brought up to date with what GitHub shows ({@link PullRequestRefresh}).
 */
@Stateless
public class PullRequests {

    public static final int MAX_LIST = 500;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /**
     * Records a pull request the PR agent opened, or describes it again (same repository and number): its tasks
     * must be the project's. The answer says whether this call created it.
     */
    public Registered<PullRequestRow> record(String projectId, PullRequestOpened opened) {
        String project = projects.get(projectId).getId();
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < opened.taskIds().size(); i++) {
            String taskId = opened.taskIds().get(i);
            Task task = em.find(Task.class, taskId);
            if (task == null || !task.getProject().getId().equals(project)) {
                errors.add(new InvalidRequestException.FieldError("taskIds[" + i + "]",
                        "no task " + taskId + " in project " + project));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Optional<PullRequest> known = find(project, opened.repository(), opened.number());
        PullRequest pull = known.orElseGet(() -> new PullRequest(project, opened, clock.instant()));
        if (known.isPresent()) {
            pull.describe(opened, clock.instant());
        } else {
            em.persist(pull);
        }
        em.flush();
        return new Registered<>(row(pull), known.isEmpty());
    }

    /** The project's pull requests, newest first (at most {@value #MAX_LIST}). */
    public List<PullRequestRow> list(String projectId) {
        String project = projects.get(projectId).getId();
        return em.createNamedQuery(PullRequest.OF_PROJECT, PullRequest.class).setParameter("project", project)
                .setMaxResults(MAX_LIST).getResultStream().map(this::row).toList();
    }

    /** One pull request of the project. */
    public PullRequestRow get(String projectId, String repository, int number) {
        String project = projects.get(projectId).getId();
        return find(project, repository, number).map(this::row).orElseThrow(
                () -> new UnknownEntityException("pull request", repository + "#" + number + " of project " + project));
    }

    /** Open pull requests of every project: what the timer asks GitHub about. */
    public List<PullRequestKey> open() {
        return em.createNamedQuery(PullRequest.OPEN, PullRequest.class).setMaxResults(MAX_LIST).getResultStream()
                .map(p -> new PullRequestKey(p.getProjectId(), p.getRepository(), p.getNumber())).toList();
    }

    /** Takes what GitHub shows now. */
    public PullRequestRow refreshed(PullRequestKey key, PullRequestOnGitHub seen) {
        PullRequest pull = find(key.projectId(), key.repository(), key.number()).orElseThrow(
                () -> new UnknownEntityException("pull request", key.toString()));
        pull.refreshed(seen, clock.instant());
        return row(pull);
    }

    /** Tells the project's webhook that GitHub could not be asked about one of its pull requests. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void notifyFailure(PullRequestKey key, String detail) {
        notifications.notify(projects.get(key.projectId()), Notifications.Event.error, Map.of("source", "github",
                "repository", key.repository(), "number", key.number(), "detail", detail));
    }

    private Optional<PullRequest> find(String project, String repository, int number) {
        return em.createNamedQuery(PullRequest.ONE, PullRequest.class).setParameter("project", project)
                .setParameter("repository", repository).setParameter("number", number).getResultStream().findFirst();
    }

    private PullRequestRow row(PullRequest pull) {
        List<String> tasks = List.copyOf(pull.getTaskIds());
        return new PullRequestRow(pull.getRepository(), pull.getNumber(), pull.getTitle(), pull.getUrl(),
                pull.getBranch(), pull.getBaseBranch(), pull.getState(), pull.getApprovals(),
                pull.getChangesRequested(), pull.isMerged(), pull.getMergedAt(), tokensOf(tasks), tasks,
                pull.getOpenedAt(), pull.getUpdatedAt(), pull.getRefreshedAt());
    }

    /** Tokens the tasks and their child tasks (a session's subagents) have spent, as the ledger counts now. */
    private long tokensOf(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        Long sum = em.createQuery("select sum(t.usedTokens) from Task t where t.id in :ids or t.parentTaskId in :ids",
                Long.class).setParameter("ids", taskIds).getSingleResult();
        return sum == null ? 0 : sum;
    }
}

package io.tokengovernor.inspector.boundary;

import static io.tokengovernor.persistence.NativeRows.instant;
import static io.tokengovernor.persistence.NativeRows.number;
import static io.tokengovernor.persistence.NativeRows.text;

import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.inspector.boundary.overview.CheckpointLine;
import io.tokengovernor.inspector.boundary.overview.Delivery;
import io.tokengovernor.inspector.boundary.overview.ErrorLine;
import io.tokengovernor.inspector.boundary.overview.HourlyUsage;
import io.tokengovernor.inspector.boundary.overview.Overview;
import io.tokengovernor.inspector.boundary.overview.ProjectOverview;
import io.tokengovernor.inspector.boundary.overview.TaskDirective;
import io.tokengovernor.inspector.boundary.overview.TaskLine;
import io.tokengovernor.inspector.boundary.overview.TaskNearThreshold;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.notify.entity.OutboxMessage;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's read model of the inspector: everything a page shows is read here, in one
 * transaction, and handed back as records, so no page ever loads a lazy relation (and so holds the
 * one connection) outside a transaction. A {@code projectId} of null means every project.
 */
@Stateless
public class InspectorOverview {

    public static final int RECENT_TASKS = 20;
    public static final int RECENT_ROWS = 50;
    public static final int PROJECT_TASKS = 200;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    TaskInspector inspector;

    @Inject
    InspectorSettings settings;

    public Overview overview(String projectId) {
        return new Overview(recentDirectives(projectId), recentCheckpoints(projectId), nearThreshold(projectId),
                errors(projectId), deliveries(projectId));
    }

    /**
     * The current directive of the most recently active tasks. There is no directive history: a
     * task's {@code updated_at} moves with every usage report, checkpoint and state change, so the
     * latest-updated tasks are the ones the governor last spoke to.
     */
    List<TaskDirective> recentDirectives(String projectId) {
        var query = em.createQuery("select t from Task t join fetch t.project p"
                + (projectId == null ? "" : " where p.id = :project") + " order by t.updatedAt desc, t.id", Task.class)
                .setMaxResults(RECENT_TASKS);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        List<Task> tasks = query.getResultList();
        List<TaskDirective> directives = new ArrayList<>();
        for (Task task : tasks) {
            Directive directive = inspector.directiveFor(task.getId());
            directives.add(new TaskDirective(task.getId(), task.getProject().getId(), task.getProject().getName(),
                    task.getDescription(), task.getState(), directive.action(), directive.used(),
                    directive.reserved(), directive.budget(), directive.threshold(), directive.reason(),
                    task.getUpdatedAt()));
        }
        return directives;
    }

    List<CheckpointLine> recentCheckpoints(String projectId) {
        return rows("SELECT c.id, c.task_id, t.project_id, p.name, c.reason, c.requested_at, c.saved_at, c.uri"
                + " FROM checkpoint c JOIN task t ON t.id = c.task_id JOIN project p ON p.id = t.project_id"
                + (projectId == null ? "" : " WHERE t.project_id = ?1")
                + " ORDER BY COALESCE(c.saved_at, c.requested_at) DESC, c.id", projectId, RECENT_TASKS)
                .stream().map(row -> new CheckpointLine(text(row[0]), text(row[1]), text(row[2]), text(row[3]),
                        text(row[4]), instant(row[5]), instant(row[6]), text(row[7]))).toList();
    }

    /**
     * Unfinished tasks whose spent plus held tokens reach their threshold less {@link TaskNearThreshold#MARGIN}
     * (the threshold last applied, else the project's default, else the server's), and any task paused
     * without a saved checkpoint; flagged tasks first, then the fullest.
     */
    List<TaskNearThreshold> nearThreshold(String projectId) {
        String threshold = "COALESCE(t.threshold, p.threshold_default, " + settings.thresholds().defaultThreshold() + ")";
        String utilisation = "CASE WHEN t.token_budget > 0 THEN (t.used_tokens + t.reserved_tokens) * 1.0"
                + " / t.token_budget ELSE 1.0 END";
        Query query = em.createNativeQuery("SELECT t.id, t.project_id, p.name, t.description, t.state,"
                + " t.checkpoint_state, t.used_tokens, t.reserved_tokens, t.token_budget, " + threshold + ","
                + " t.paused_without_checkpoint FROM task t JOIN project p ON p.id = t.project_id"
                + " WHERE (t.paused_without_checkpoint = 1 OR (t.state NOT IN ('COMPLETED', 'CANCELLED', 'FAILED')"
                + " AND t.token_budget > 0 AND " + utilisation + " >= " + threshold + " - " + TaskNearThreshold.MARGIN
                + "))" + (projectId == null ? "" : " AND t.project_id = ?1")
                + " ORDER BY t.paused_without_checkpoint DESC, " + utilisation + " DESC, t.id");
        return rows(query, projectId, RECENT_ROWS).stream().map(row -> new TaskNearThreshold(text(row[0]),
                text(row[1]), text(row[2]), text(row[3]), TaskState.valueOf(text(row[4])), text(row[5]),
                number(row[6]), number(row[7]), number(row[8]), ((Number) row[9]).doubleValue(),
                number(row[10]) != 0)).toList();
    }

    List<ErrorLine> errors(String projectId) {
        return rows("SELECT e.id, e.occurred_at, e.kind, e.source, e.detail, e.project_id, p.name"
                + " FROM error_log e LEFT JOIN project p ON p.id = e.project_id"
                + (projectId == null ? "" : " WHERE e.project_id = ?1")
                + " ORDER BY e.occurred_at DESC, e.id", projectId, RECENT_ROWS)
                .stream().map(row -> new ErrorLine(text(row[0]), instant(row[1]), text(row[2]), text(row[3]),
                        text(row[4]), text(row[5]), text(row[6]))).toList();
    }

    List<Delivery> deliveries(String projectId) {
        return rows("SELECT w.id, w.project_id, p.name, w.event_type, w.state, w.attempts, w.last_error,"
                + " w.created_at, w.delivered_at FROM webhook_outbox w JOIN project p ON p.id = w.project_id"
                + (projectId == null ? "" : " WHERE w.project_id = ?1")
                + " ORDER BY w.created_at DESC, w.id", projectId, RECENT_ROWS)
                .stream().map(row -> new Delivery(text(row[0]), text(row[1]), text(row[2]), text(row[3]),
                        OutboxMessage.State.valueOf(text(row[4])), (int) number(row[5]), text(row[6]),
                        instant(row[7]), instant(row[8]))).toList();
    }

    /** A project's page, or empty when there is no such project. */
    public Optional<ProjectOverview> project(String projectId) {
        Project project = projectId == null ? null : em.find(Project.class, projectId);
        if (project == null) {
            return Optional.empty();
        }
        List<TaskLine> tasks = em.createQuery("select t from Task t where t.project.id = :project"
                + " order by t.updatedAt desc, t.id", Task.class)
                .setParameter("project", projectId).setMaxResults(PROJECT_TASKS).getResultList().stream()
                .map(task -> new TaskLine(task.getId(), task.getDescription(), task.getState(),
                        task.getCheckpointState(), task.getUsedTokens(), task.getReservedTokens(),
                        task.getTokenBudget(), task.getThreshold(), task.isPausedWithoutCheckpoint(),
                        task.getUpdatedAt()))
                .toList();
        long taskCount = em.createQuery("select count(t) from Task t where t.project.id = :project", Long.class)
                .setParameter("project", projectId).getSingleResult();
        return Optional.of(new ProjectOverview(project, tasks, taskCount, hourlyUsage(projectId)));
    }

    /** The ledger summed per UTC hour: instants are fixed-width text, so the hour is their first 13 characters. */
    private List<HourlyUsage> hourlyUsage(String projectId) {
        Query query = em.createNativeQuery("SELECT SUBSTR(occurred_at, 1, 13), SUM(total_tokens) FROM usage_event"
                + " WHERE project_id = ?1 GROUP BY SUBSTR(occurred_at, 1, 13) ORDER BY 1");
        return rows(query, projectId, Integer.MAX_VALUE).stream()
                .map(row -> new HourlyUsage(Instant.parse(text(row[0]) + ":00:00Z"), number(row[1]))).toList();
    }

    private List<Object[]> rows(String sql, String projectId, int limit) {
        return rows(em.createNativeQuery(sql), projectId, limit);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, String projectId, int limit) {
        if (projectId != null) {
            query.setParameter(1, projectId);
        }
        if (limit < Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }
}

package io.tokengovernor.registry.boundary;

import static io.tokengovernor.persistence.NativeRows.instant;
import static io.tokengovernor.persistence.NativeRows.number;
import static io.tokengovernor.persistence.NativeRows.text;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.CheckpointState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's read model of task packages: packages with their tasks, and a package's timeline,
 * each read in one transaction and handed back as records, so a page never navigates a lazy relation
 * (and so never holds the one connection) outside a transaction. A {@code projectId} of null means
 * every project.
 */
@Stateless
public class PackageOverview {

    /** Newest packages shown; older ones are out of a dashboard's reach anyway. */
    public static final int PACKAGES = 200;
    public static final int TIMELINE_ROWS = 500;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    /** The newest packages (of one project, or all), each with its tasks in registration order. */
    public List<PackageLine> packages(String projectId) {
        String newest = "SELECT id FROM task_package" + (projectId == null ? "" : " WHERE project_id = ?1")
                + " ORDER BY created_at DESC, id LIMIT " + PACKAGES;
        Map<String, List<PackageTask>> tasksByPackage = new LinkedHashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT t.package_id, t.id, t.description, t.state,"
                + " t.checkpoint_state, t.estimated_tokens, t.used_tokens, t.token_budget, t.queued_at FROM task t"
                + " WHERE t.package_id IN (" + newest + ") ORDER BY t.created_at, t.id"), projectId)) {
            tasksByPackage.computeIfAbsent(text(row[0]), id -> new ArrayList<>()).add(new PackageTask(text(row[1]),
                    text(row[2]), TaskState.valueOf(text(row[3])), CheckpointState.valueOf(text(row[4])),
                    number(row[5]), number(row[6]), number(row[7]), instant(row[8])));
        }
        Query packages = em.createNativeQuery("SELECT k.id, k.project_id, p.name, k.priority, k.not_before,"
                + " k.deadline, k.estimated_tokens, k.used_tokens, k.reserved_tokens, k.created_at"
                + " FROM task_package k JOIN project p ON p.id = k.project_id"
                + (projectId == null ? "" : " WHERE k.project_id = ?1") + " ORDER BY k.created_at DESC, k.id")
                .setMaxResults(PACKAGES);
        return rows(packages, projectId).stream().map(row -> new PackageLine(text(row[0]), text(row[1]),
                text(row[2]), (int) number(row[3]), instant(row[4]), instant(row[5]), number(row[6]), number(row[7]),
                number(row[8]), instant(row[9]), List.copyOf(tasksByPackage.getOrDefault(text(row[0]), List.of()))))
                .toList();
    }

    /** Every state change of the package's tasks, oldest first (registration included). */
    public List<TransitionLine> timeline(String packageId) {
        Query query = em.createNativeQuery("SELECT tt.occurred_at, tt.task_id, tt.from_state, tt.to_state, tt.reason"
                + " FROM task_transition tt JOIN task t ON t.id = tt.task_id WHERE t.package_id = ?1"
                + " ORDER BY tt.occurred_at, tt.seq, tt.id").setMaxResults(TIMELINE_ROWS);
        return rows(query, packageId).stream().map(row -> new TransitionLine(instant(row[0]), text(row[1]),
                row[2] == null ? null : TaskState.valueOf(text(row[2])), TaskState.valueOf(text(row[3])),
                text(row[4]))).toList();
    }

    /** A package with its tasks, as plain data. */
    public record PackageLine(String id, String projectId, String projectName, int priority, Instant notBefore,
            Instant deadline, long estimatedTokens, long usedTokens, long reservedTokens, Instant createdAt,
            List<PackageTask> tasks) {

        public long taskCount() {
            return tasks.size();
        }

        /** The sum of its tasks' estimates, which may differ from the package's own estimate when one was given. */
        public long taskEstimates() {
            return tasks.stream().mapToLong(PackageTask::estimatedTokens).sum();
        }
    }

    /** One task of a package. */
    public record PackageTask(String id, String description, TaskState state, CheckpointState checkpointState,
            long estimatedTokens, long usedTokens, long tokenBudget, Instant queuedAt) {
    }

    /** One state change of a package's task; {@code from} is null for the registration. */
    public record TransitionLine(Instant occurredAt, String taskId, TaskState from, TaskState to, String reason) {
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, String parameter) {
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return query.getResultList();
    }
}

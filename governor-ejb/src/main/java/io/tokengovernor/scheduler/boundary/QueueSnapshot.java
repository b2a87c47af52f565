package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskPackage;
import io.tokengovernor.scheduler.control.QueueReader;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's reads, each in a short transaction of its own and answered as plain data: the
 * pass and manual resumes run outside any transaction and must never hold the one database
 * connection while a resume needs it.
 */
@Stateless
public class QueueSnapshot {

    private static final InstantConverter TEXT = new InstantConverter();

    @Inject
    QueueReader reader;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    public QueueReader.Queue queue(Instant now) {
        return reader.read(now);
    }

    /** When the next budget window that queued work waits for starts afresh. */
    public java.util.Optional<Instant> nextWindowReset(Instant now) {
        return reader.nextWindowReset(now);
    }

    public long queuedCount() {
        return em.createQuery("select count(t) from Task t where t.state = :queued", Long.class)
                .setParameter("queued", TaskState.QUEUED).getSingleResult();
    }

    public List<Instant> automaticResumesSince(Instant since) {
        List<?> rows = em.createNativeQuery("SELECT MIN(resumed_at) FROM scheduler_resume WHERE manual = 0"
                + " AND resumed_at > ? GROUP BY COALESCE(unit_id, task_id)")
                .setParameter(1, TEXT.convertToDatabaseColumn(since)).getResultList();
        return rows.stream().map(row -> TEXT.convertToEntityAttribute((String) row)).toList();
    }

    /** Tasks a manual resume may act on: the one named, a package's waiting tasks, or the whole queue. */
    public List<Candidate> candidates(String taskId, String packageId, boolean all) {
        List<Task> tasks;
        if (taskId != null) {
            Task task = em.find(Task.class, taskId);
            if (task == null) {
                throw new io.tokengovernor.UnknownEntityException("task", taskId);
            }
            tasks = List.of(task);
        } else if (packageId != null) {
            TaskPackage taskPackage = em.find(TaskPackage.class, packageId);
            if (taskPackage == null) {
                throw new io.tokengovernor.UnknownEntityException("package", packageId);
            }
            tasks = taskPackage.getTasks();
        } else {
            tasks = em.createQuery("select t from Task t join fetch t.project where t.state = :queued"
                    + " order by t.queuedAt", Task.class).setParameter("queued", TaskState.QUEUED).getResultList();
        }
        return tasks.stream()
                .filter(task -> all || task.getState() == TaskState.QUEUED || task.getState() == TaskState.PAUSED)
                .map(task -> new Candidate(task.getId(), task.getProject().getId(), task.getTokenBudget(),
                        task.getUsedTokens(), task.getEstimatedTokens(), task.getState(), task.waitsForOwnBudget(),
                        task.getTypicalStep()))
                .toList();
    }

    /** Queued tasks, oldest first, with the last pass's prediction. */
    public List<QueuedTask> queued(String projectId) {
        String jpql = "select t from Task t join fetch t.project left join fetch t.taskPackage where t.state = :queued"
                + (projectId == null ? "" : " and t.project.id = :project") + " order by t.queuedAt, t.id";
        var query = em.createQuery(jpql, Task.class).setParameter("queued", TaskState.QUEUED).setMaxResults(1000);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return query.getResultList().stream().map(task -> new QueuedTask(task.getId(), task.getProject().getId(),
                task.getPackageId(), task.getTier(), task.getQueuedAt(), task.getUsedTokens(), task.getTokenBudget(),
                task.getPrediction(), task.getPredictedResumeAt(), task.getPredictedTokens())).toList();
    }

    /** A queued task as plain data. */
    public record QueuedTask(String taskId, String projectId, String packageId, int tier, Instant queuedAt,
            long usedTokens, long tokenBudget, String prediction, Instant predictedResumeAt, Long predictedTokens) {
    }

    /** A task that could be resumed by hand. */
    public record Candidate(String taskId, String projectId, long budget, long used, long estimated,
            TaskState state, boolean waitsForOwnBudget, long typicalStep) {
    }
}

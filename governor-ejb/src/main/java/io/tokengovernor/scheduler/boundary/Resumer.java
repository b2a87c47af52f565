package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.inspector.entity.DirectiveIssued;
import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Resumes one task in a transaction of its own: the state change and the resume record commit
 * together or not at all, and a task that is no longer queued is left alone. So a pass cut short by
 * a crash resumes nothing twice: what committed is RUNNING, what did not is still QUEUED.
 */
@Stateless
public class Resumer {

    private static final InstantConverter TEXT = new InstantConverter();

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    Notifications notifications;

    @Inject
    TaskInspector inspector;

    @Inject
    Event<DirectiveIssued> issued;

    @Inject
    Clock clock;

    /** @return whether the task was resumed now (false when it was not waiting any more) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resume(String taskId, long tokensAvailable, boolean manual, boolean forced, String reason) {
        return resume(taskId, tokensAvailable, manual, forced, reason, taskId);
    }

    /**
     * @param unitId what the scheduler resumed: the task, or the package it resumes with (one unit of the rate
     *               limit)
     * @return whether the task was resumed now (false when it was not waiting any more)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resume(String taskId, long tokensAvailable, boolean manual, boolean forced, String reason,
            String unitId) {
        Task task = em.find(Task.class, taskId);
        if (task == null || !(task.getState() == TaskState.QUEUED || manual && task.getState() == TaskState.PAUSED)) {
            return false;
        }
        Instant now = clock.instant();
        Instant queuedAt = task.getQueuedAt();
        Instant predictedAt = task.getPredictedResumeAt();
        Long predictedTokens = task.getPredictedTokens();
        task.resume(reason, now);
        em.createNativeQuery("INSERT INTO scheduler_resume (id, task_id, project_id, resumed_at, queued_at,"
                + " predicted_at, predicted_tokens, tokens_available, manual, forced, unit_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), ?, ?, ?, ?)")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, taskId)
                .setParameter(3, task.getProject().getId())
                .setParameter(4, TEXT.convertToDatabaseColumn(now))
                .setParameter(5, TEXT.convertToDatabaseColumn(queuedAt))
                .setParameter(6, TEXT.convertToDatabaseColumn(predictedAt))
                .setParameter(7, predictedTokens)
                .setParameter(8, tokensAvailable)
                .setParameter(9, manual ? 1 : 0)
                .setParameter(10, forced ? 1 : 0)
                .setParameter(11, unitId)
                .executeUpdate();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("taskId", taskId);
        facts.put("reason", reason);
        facts.put("tokensAvailable", tokensAvailable);
        if (predictedAt != null) {
            facts.put("predictedAt", predictedAt.toString());
        }
        notifications.notify(task.getProject(), Notifications.Event.resumed, facts);
        em.flush();
        issued.fire(new DirectiveIssued(task.getProject().getId(), inspector.directiveFor(taskId)));
        return true;
    }
}

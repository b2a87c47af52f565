package io.tokengovernor.inspector.boundary;

import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import io.tokengovernor.notify.boundary.Notifications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records checkpoints that agents saved, and lists a task's checkpoints. */
@Stateless
public class Checkpoints {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    TaskInspector inspector;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    /**
     * Marks the task's open checkpoint request as saved (or records an unrequested checkpoint), so
     * the task may continue to its budget and a later pause loses nothing. Answers the new directive.
     */
    public SavedCheckpoint save(String taskId, String uri, Long sizeBytes, String summary) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new UnknownEntityException("task", taskId);
        }
        Instant now = clock.instant();
        List<Checkpoint> open = em.createQuery("select c from Checkpoint c where c.taskId = :task"
                + " and c.savedAt is null order by c.requestedAt desc", Checkpoint.class)
                .setParameter("task", taskId).setMaxResults(1).getResultList();
        Checkpoint checkpoint = open.isEmpty() ? new Checkpoint(taskId, Checkpoint.Reason.PREEMPTIVE, now)
                : open.get(0);
        if (open.isEmpty()) {
            em.persist(checkpoint);
        }
        checkpoint.saved(uri, sizeBytes, summary, now);
        task.checkpointSaved(now);
        em.flush();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("taskId", taskId);
        facts.put("uri", uri);
        facts.put("sizeBytes", sizeBytes);
        notifications.notify(task.getProject(), Notifications.Event.checkpoint_saved, facts);
        return new SavedCheckpoint(checkpoint, inspector.directiveFor(taskId));
    }

    public List<Checkpoint> of(String taskId) {
        return em.createQuery("select c from Checkpoint c where c.taskId = :task order by c.requestedAt",
                Checkpoint.class).setParameter("task", taskId).getResultList();
    }

    /** A saved checkpoint and the directive that follows from it. */
    public record SavedCheckpoint(Checkpoint checkpoint, Directive directive) {
    }
}

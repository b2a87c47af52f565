package io.tokengovernor.inspector.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskPackage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pauses tasks by hand (one task, or every task of a package). Held reservations are given back;
 * a task paused without a saved checkpoint is flagged and logged, never silently.
 */
@Stateless
public class Pauses {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ReservationDesk reservations;

    @Inject
    PauseAlerts alerts;

    @Inject
    Clock clock;

    public List<Task> pauseTask(String taskId, String reason) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new UnknownEntityException("task", taskId);
        }
        if (!pause(task, reason)) {
            throw ConflictException.state("Task " + taskId + " is " + task.getState() + " and cannot be paused.");
        }
        return List.of(task);
    }

    /** Pauses every task of the package that can pause; the others are left as they are. */
    public List<Task> pausePackage(String packageId, String reason) {
        TaskPackage taskPackage = em.find(TaskPackage.class, packageId);
        if (taskPackage == null) {
            throw new UnknownEntityException("package", packageId);
        }
        List<Task> paused = new ArrayList<>();
        for (Task task : taskPackage.getTasks()) {
            if (pause(task, reason)) {
                paused.add(task);
            }
        }
        return paused;
    }

    /** Pauses the task if its state allows, releasing what it holds; false when it cannot pause. */
    public boolean pauseIfPossible(Task task, String reason) {
        return pause(task, reason);
    }

    private boolean pause(Task task, String reason) {
        Instant now = clock.instant();
        if (!task.pause(reason, now)) {
            return false;
        }
        List<String> held = em.createNativeQuery("SELECT id FROM reservation WHERE task_id = ? AND state = 'HELD'")
                .setParameter(1, task.getId()).getResultList();
        for (String reservationId : held) {
            reservations.release(task.getId(), reservationId);
        }
        if (task.isPausedWithoutCheckpoint()) {
            em.persist(new Checkpoint(task.getId(), Checkpoint.Reason.PAUSE, now));
        }
        alerts.paused(task, reason);
        return true;
    }
}

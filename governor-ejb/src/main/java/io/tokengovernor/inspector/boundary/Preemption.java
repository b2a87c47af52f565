package io.tokengovernor.inspector.boundary;

import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * When a project runs short, tier-2 work yields before any tier-1 reservation is denied: the
 * tier-2 tasks' held reservations are released, and those tasks are asked to checkpoint and are
 * paused (an agent may still save its checkpoint while paused). Nothing is preempted when even
 * that would not make room.
 */
@Stateless
public class Preemption {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    Pauses pauses;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    /** @return whether tier-2 reservations were released to make room for {@code tokens} */
    public boolean yieldFor(Connection connection, String projectId, String tier1TaskId, long tokens, long windowUsed)
            throws SQLException {
        long budget;
        long reserved;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT token_budget, reserved_tokens FROM project WHERE id = ?")) {
            query.setString(1, projectId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                budget = row.getLong(1);
                reserved = row.getLong(2);
            }
        }
        Set<String> tier2Tasks = new LinkedHashSet<>();
        long tier2Held = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT r.task_id, r.tokens FROM reservation r"
                + " JOIN task t ON t.id = r.task_id JOIN project p ON p.id = t.project_id WHERE r.project_id = ?"
                + " AND r.state = 'HELD' AND COALESCE(t.tier, p.tier) = 2 AND r.task_id <> ?")) {
            query.setString(1, projectId);
            query.setString(2, tier1TaskId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tier2Tasks.add(rows.getString(1));
                    tier2Held += rows.getLong(2);
                }
            }
        }
        if (tier2Tasks.isEmpty() || budget - windowUsed - reserved + tier2Held < tokens) {
            return false;
        }
        Instant now = clock.instant();
        for (String taskId : tier2Tasks) {
            Task task = em.find(Task.class, taskId);
            if (task.requestCheckpoint(now)) {
                em.persist(new Checkpoint(taskId, Checkpoint.Reason.PREEMPTIVE, now));
                notifications.notify(task.getProject(), Notifications.Event.checkpoint_requested,
                        Map.of("taskId", taskId, "reason", "preempted by tier-1 work"));
            }
            if (pauses.pauseIfPossible(task, "preempted: tier-1 work of the project needs the tokens")) {
                task.enqueue("waiting for tokens after preemption", now);
            }
        }
        em.flush();
        return true;
    }
}

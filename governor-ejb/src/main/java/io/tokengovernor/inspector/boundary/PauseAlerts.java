package io.tokengovernor.inspector.boundary;

import io.tokengovernor.notify.boundary.ErrorLog;
import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.notify.boundary.Notifications.Event;
import io.tokengovernor.notify.entity.ErrorEntry;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Tells the world a task paused: a {@code paused} webhook always, and for a pause without a saved
 * checkpoint also an {@code error} webhook, an alert in the error log and a server log warning.
 */
@Stateless
public class PauseAlerts {

    private static final Logger LOG = Logger.getLogger(PauseAlerts.class.getName());

    @Inject
    Notifications notifications;

    @Inject
    ErrorLog errors;

    public void paused(Task task, String reason) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("taskId", task.getId());
        facts.put("reason", reason);
        facts.put("checkpointSaved", !task.isPausedWithoutCheckpoint());
        notifications.notify(task.getProject(), Event.paused, facts);
        if (task.isPausedWithoutCheckpoint()) {
            String detail = "task " + task.getId() + " paused without a saved checkpoint: " + reason;
            LOG.warning(detail);
            errors.recordWithin(ErrorEntry.Kind.ALERT, "pause", detail, task.getProject().getId());
            notifications.notify(task.getProject(), Event.error, Map.of("taskId", task.getId(), "detail", detail));
        }
    }
}

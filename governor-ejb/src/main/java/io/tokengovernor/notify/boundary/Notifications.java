package io.tokengovernor.notify.boundary;

import io.tokengovernor.notify.entity.OutboxMessage;
import io.tokengovernor.registry.entity.Project;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a webhook notification for a project in the CALLER's transaction, so that the message
 * exists if and only if the change that caused it was committed. A timer delivers it.
 */
@Stateless
public class Notifications {

    /** The events a project's webhook receives. */
    public enum Event { threshold_crossed, checkpoint_requested, checkpoint_saved, paused, budget_exhausted, error,
        report, resumed }

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    Clock clock;

    /** Queues the event when the project has a webhook; does nothing otherwise. */
    public void notify(Project project, Event event, Map<String, ?> details) {
        if (project.getWebhookUrl() == null) {
            return;
        }
        Instant now = clock.instant();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("event", event.name())
                .add("projectId", project.getId())
                .add("at", now.toString());
        JsonObjectBuilder data = Json.createObjectBuilder();
        details.forEach((key, value) -> {
            if (value instanceof Number number) {
                data.add(key, Json.createValue(number.doubleValue() == number.longValue()
                        ? number.longValue() : number.doubleValue()));
            } else if (value instanceof Boolean flag) {
                data.add(key, flag);
            } else if (value != null) {
                data.add(key, value.toString());
            }
        });
        body.add("data", data);
        em.persist(new OutboxMessage(project.getId(), event.name(), body.build().toString(), now));
    }
}

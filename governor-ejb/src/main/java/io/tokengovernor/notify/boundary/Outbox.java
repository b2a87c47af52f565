package io.tokengovernor.notify.boundary;

import io.tokengovernor.notify.entity.ErrorEntry;
import io.tokengovernor.notify.entity.OutboxMessage;
import io.tokengovernor.registry.entity.Project;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.tokengovernor.notify.control.NotifySettings;

/** The webhook outbox: what is due, how each attempt went, and what is kept for the dashboard. */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ErrorLog errors;

    @Inject
    NotifySettings settings;

    @Inject
    Clock clock;

    /**
     * Messages whose next attempt is due, with where they go; at most {@code perProject} of one
     * project, so that a receiver that is down cannot hold up every other project's notifications.
     */
    public List<Due> due(int limit, int perProject) {
        List<OutboxMessage> messages = em.createQuery("select m from OutboxMessage m where m.state = 'PENDING'"
                + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id", OutboxMessage.class)
                .setParameter("now", clock.instant()).setMaxResults(limit * 4).getResultList();
        List<Due> due = new ArrayList<>();
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        for (OutboxMessage message : messages) {
            if (due.size() == limit || taken.merge(message.getProjectId(), 1, Integer::sum) > perProject) {
                continue;
            }
            Project project = em.find(Project.class, message.getProjectId());
            if (project.getWebhookUrl() == null) {
                message.failed("the project has no webhook URL any more", clock.instant(), 0, Duration.ZERO);
                continue;
            }
            due.add(new Due(message.getId(), project.getWebhookUrl(), project.getWebhookSecret(),
                    message.getEventType(), message.getPayload()));
        }
        return due;
    }

    /** Records one attempt: delivered when {@code failure} is null, else retried later or kept dead. */
    public void recordAttempt(String messageId, String failure) {
        OutboxMessage message = em.find(OutboxMessage.class, messageId);
        Instant now = clock.instant();
        if (failure == null) {
            message.delivered(now);
            return;
        }
        message.failed(failure, now, settings.maxRetries(), settings.backoff());
        String outcome = message.getState() == OutboxMessage.State.DEAD ? "; gave up, kept as a dead letter"
                : "; retry " + message.getAttempts() + " of " + settings.maxRetries() + " at " + message.getNextAttemptAt();
        errors.recordWithin(ErrorEntry.Kind.EXTERNAL_CALL, "webhook " + message.getEventType(),
                failure + outcome, message.getProjectId());
    }

    /** Whether a message of this kind still waits for the project (so a periodic one need not pile up). */
    public boolean pending(String projectId, String eventType) {
        return !em.createQuery("select m.id from OutboxMessage m where m.projectId = :project and m.eventType = :type"
                + " and m.state = 'PENDING'", String.class).setParameter("project", projectId)
                .setParameter("type", eventType).setMaxResults(1).getResultList().isEmpty();
    }

    public List<OutboxMessage> recent(String projectId, int limit) {
        String jpql = "select m from OutboxMessage m" + (projectId == null ? "" : " where m.projectId = :project")
                + " order by m.createdAt desc, m.id";
        var query = em.createQuery(jpql, OutboxMessage.class).setMaxResults(limit);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return query.getResultList();
    }

    /** A message to send now. */
    public record Due(String id, String url, String secret, String eventType, String payload) {
    }
}

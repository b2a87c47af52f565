package io.tokengovernor.notify.control;

import io.tokengovernor.notify.boundary.Outbox;
import io.tokengovernor.notify.boundary.Outbox.Due;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due outbox messages every two seconds. Reading the due messages and recording each
 * outcome are short transactions; the HTTP call happens outside any transaction, so a slow
 * receiver never holds the database.
 */
@Singleton
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    WebhookSender sender;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliverDue() {
        try {
            for (Due message : outbox.due(50, 5)) {
                String failure = sendSafely(message);
                outbox.recordAttempt(message.id(), failure);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery pass failed; it runs again shortly", e);
        }
    }

    private String sendSafely(Due message) {
        try {
            return sender.send(message.url(), message.secret(), message.id(), message.eventType(), message.payload());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}

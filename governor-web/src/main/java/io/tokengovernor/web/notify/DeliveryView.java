package io.tokengovernor.web.notify;

import io.tokengovernor.notify.entity.OutboxMessage;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One webhook notification and how its delivery went. */
@Schema(name = "WebhookDelivery")
public class DeliveryView {

    public String id;
    public String event;
    @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"})
    public String state;
    public int attempts;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public Instant deliveredAt;
    public String lastError;

    static DeliveryView of(OutboxMessage message) {
        DeliveryView view = new DeliveryView();
        view.id = message.getId();
        view.event = message.getEventType();
        view.state = message.getState().name();
        view.attempts = message.getAttempts();
        view.createdAt = message.getCreatedAt();
        view.nextAttemptAt = message.getNextAttemptAt();
        view.deliveredAt = message.getDeliveredAt();
        view.lastError = message.getLastError();
        return view;
    }
}

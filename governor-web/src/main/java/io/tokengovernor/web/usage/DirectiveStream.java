package io.tokengovernor.web.usage;

import io.tokengovernor.inspector.entity.DirectiveIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes every committed directive to the agents listening on their project's stream, so an agent
 * can listen instead of polling. One broadcaster per project; closed sinks drop out by themselves.
 */
@ApplicationScoped
public class DirectiveStream {

    private final Map<String, SseBroadcaster> byProject = new ConcurrentHashMap<>();
    private volatile Sse sse;

    void listen(String projectId, SseEventSink sink, Sse context) {
        this.sse = context;
        SseBroadcaster broadcaster = byProject.computeIfAbsent(projectId, id -> {
            SseBroadcaster created = context.newBroadcaster();
            created.onClose(closed -> { });
            return created;
        });
        broadcaster.register(sink);
        sink.send(context.newEventBuilder().name("listening").data(String.class, projectId).build());
    }

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectiveIssued event) {
        SseBroadcaster broadcaster = byProject.get(event.projectId());
        Sse context = sse;
        if (broadcaster == null || context == null) {
            return;
        }
        broadcaster.broadcast(context.newEventBuilder()
                .name("directive")
                .id(event.directive().taskId())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(DirectiveView.class, DirectiveView.of(event.directive()))
                .build());
    }
}

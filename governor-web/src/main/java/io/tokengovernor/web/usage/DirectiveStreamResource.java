package io.tokengovernor.web.usage;

import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server-sent-events stream of a project's directives. Not transactional: the stream is long-lived. */
@Path("projects/{id}/directives")
@RequestScoped
@Tag(name = "inspector")
public class DirectiveStreamResource {

    @Inject
    ProjectRegistry projects;

    @Inject
    DirectiveStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Listen to the project's directives",
            description = "Server-sent events: first `listening`, then a `directive` event (JSON, id = task id) "
                    + "each time the governor decides a task's directive (usage, reservations, checkpoints, pauses).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = DirectiveView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void listen(@PathParam("id") String projectId, @Context SseEventSink sink, @Context Sse sse) {
        String id = projects.get(Ids.normalise(projectId)).getId();
        stream.listen(id, sink, sse);
    }
}

package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.boundary.Checkpoints;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.web.usage.DirectiveView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tasks/{id}/checkpoints")
@RequestScoped
@Transactional
@Tag(name = "inspector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckpointsResource {

    @Inject
    Checkpoints checkpoints;

    @Inject
    TaskRegistry tasks;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Report a saved checkpoint",
            description = "Marks the open checkpoint request SAVED (or records an unrequested one); the task may "
                    + "then run to its budget, and a pause loses nothing.")
    @APIResponse(responseCode = "201", description = "Saved",
            content = @Content(schema = @Schema(implementation = CheckpointView.class)))
    @APIResponse(responseCode = "404", description = "No such task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(@PathParam("id") String taskId,
            @NotNull(message = "a JSON body is required") @Valid CheckpointRequest request) {
        caller.get().requireProject(tasks.projectOf(Ids.normalise(taskId)));
        Checkpoints.SavedCheckpoint saved = checkpoints.save(Ids.normalise(taskId), request.uri, request.sizeBytes,
                request.summary);
        CheckpointView view = CheckpointView.of(saved.checkpoint());
        view.directive = DirectiveView.of(saved.directive());
        return Response.status(201).entity(view).build();
    }

    @GET
    @Operation(summary = "A task's checkpoints, oldest first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = CheckpointView.class)))
    public List<CheckpointView> list(@PathParam("id") String taskId) {
        return checkpoints.of(Ids.normalise(taskId)).stream().map(CheckpointView::of).toList();
    }
}

package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.boundary.Pauses;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.boundary.PackageRegistry;
import io.tokengovernor.web.tasks.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tasks/pause")
@RequestScoped
@Transactional
@Tag(name = "inspector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PauseResource {

    @Inject
    Pauses pauses;

    @Inject
    TaskRegistry tasks;

    @Inject
    PackageRegistry packages;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Pause a task, or every task of a package, by hand",
            description = "Held reservations are released; a task without a saved checkpoint is flagged.")
    @APIResponse(responseCode = "200", description = "The tasks paused",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task or package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task cannot pause from its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TaskView> pause(@NotNull(message = "a JSON body is required") @Valid PauseRequest request) {
        caller.get().requireProject(request.taskId != null ? tasks.projectOf(Ids.normalise(request.taskId))
                : packages.get(Ids.normalise(request.packageId)).getProject().getId());
        List<Task> paused = request.taskId != null
                ? pauses.pauseTask(Ids.normalise(request.taskId), request.reason.strip())
                : pauses.pausePackage(Ids.normalise(request.packageId), request.reason.strip());
        return paused.stream().map(TaskView::summary).toList();
    }
}

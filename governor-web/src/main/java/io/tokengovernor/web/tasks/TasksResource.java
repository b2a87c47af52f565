package io.tokengovernor.web.tasks;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.registry.boundary.Listing;
import io.tokengovernor.registry.boundary.Registered;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.PageView;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import io.tokengovernor.web.usage.DirectiveView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tasks")
@RequestScoped
@Transactional
@Tag(name = "tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject
    TaskRegistry registry;

    @Inject
    TaskInspector inspector;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("register")
    @Operation(summary = "Register a task", description = "Idempotent per id; naming a new agent registers it.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "200", description = "Already registered with identical content",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown project, package or parent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Id registered with different content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid TaskRequest request,
            @Context UriInfo uri) {
        caller.get().requireProject(Ids.normalise(request.projectId));
        Registered<Task> registered = registry.register(Ids.normalise(request.id), request.toRegistration());
        TaskView view = TaskView.detailed(registered.entity());
        if (!registered.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(view.id).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "List tasks", description = "Newest first; filtered by project, package and state.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskPageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<TaskView> list(
            @QueryParam("projectId") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String projectId,
            @QueryParam("packageId") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String packageId,
            @QueryParam("state") @Pattern(regexp = "REGISTERED|RUNNING|PAUSED|QUEUED|COMPLETED|FAILED|CANCELLED",
                    message = "must be one of REGISTERED, RUNNING, PAUSED, QUEUED, COMPLETED, FAILED, CANCELLED")
            String state,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = Listing.MAX_SIZE, message = "must be 1 to 500") int size) {
        return PageView.of(registry.list(Ids.normalise(projectId), Ids.normalise(packageId),
                state == null ? null : TaskState.valueOf(state), page, size), TaskView::summary);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a task with its transitions")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView get(@PathParam("id") String id) {
        return TaskView.detailed(registry.get(Ids.normalise(id)));
    }

    @GET
    @Path("{id}/directive")
    @Operation(summary = "What the task must do now: CONTINUE, CHECKPOINT or PAUSE",
            description = "With used, reserved, budget, the adaptive threshold and the remaining estimate.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DirectiveView.class)))
    @APIResponse(responseCode = "404", description = "No such task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectiveView directive(@PathParam("id") String id) {
        return DirectiveView.of(inspector.directiveFor(Ids.normalise(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a task's own budget", description = "A raise lets a task queued for lack of its "
            + "own budget resume (the scheduler runs a pass after the change).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView change(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid TaskPatch patch) {
        caller.get().requireProject(registry.projectOf(Ids.normalise(id)));
        return TaskView.detailed(registry.changeBudget(Ids.normalise(id), patch.tokenBudget));
    }

    @POST
    @Path("{id}/transitions")
    @Operation(summary = "Move a task to another state",
            description = "REGISTERED → RUNNING → PAUSED → QUEUED → RUNNING … → COMPLETED | FAILED | CANCELLED; "
                    + "a move the lifecycle does not allow is a 409.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView transition(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid TransitionRequest request) {
        caller.get().requireProject(registry.projectOf(Ids.normalise(id)));
        return TaskView.detailed(registry.transition(Ids.normalise(id), request.to, request.reason.strip()));
    }
}

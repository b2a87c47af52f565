package io.tokengovernor.web.projects;

import io.tokengovernor.registry.boundary.Listing;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.Registered;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.PageView;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import io.tokengovernor.security.ApiKeys;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("projects")
@RequestScoped
@Transactional
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    ProjectRegistry registry;

    @Inject
    ApiKeys apiKeys;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("register")
    @Operation(summary = "Register a project",
            description = "Idempotent: the same id with the same content answers 200 with the stored project; "
                    + "with other content 409.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "200", description = "Already registered with identical content",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the admin key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Id registered with different content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid ProjectRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        caller.get().requireAdmin("register projects");
        Registered<Project> registered = registry.register(Ids.normalise(request.id), request.toRegistration());
        ProjectView view = ProjectView.of(registered.entity());
        if (!registered.created()) {
            return Response.ok(view).build();
        }
        view.apiKey = apiKeys.issue(view.id);
        return Response.created(uri.getBaseUriBuilder().path("projects").path(view.id).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "List projects", description = "Paged; optionally filtered by name, owner (substring) "
            + "or tier, and sorted by name, owner, tier, tokenBudget, usedTokens or createdAt.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProjectPageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging, filter or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<ProjectView> list(
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = Listing.MAX_SIZE, message = "must be 1 to 500") int size,
            @QueryParam("name") String name,
            @QueryParam("owner") String owner,
            @QueryParam("tier") String tier,
            @QueryParam("sort") @DefaultValue("createdAt") String sort,
            @QueryParam("order") @DefaultValue("asc")
            @Pattern(regexp = "asc|desc", message = "must be asc or desc") String order) {
        Map<String, String> filters = new HashMap<>();
        filters.put("name", name);
        filters.put("owner", owner);
        filters.put("tier", tier);
        filters.values().removeIf(value -> value == null);
        return PageView.of(registry.list(new Listing(filters, sort, "asc".equals(order), page, size)),
                ProjectView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a project")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectView get(@PathParam("id") String id) {
        Project project = registry.get(Ids.normalise(id));
        return ProjectView.of(project, registry.thresholdsOf(project));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a project's budget, tier, window, owner, name or soft limit")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ProjectView change(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid ProjectPatch patch) {
        caller.get().requireProject(Ids.normalise(id));
        Project changed = registry.change(Ids.normalise(id), patch.toChange());
        return ProjectView.of(changed, registry.thresholdsOf(changed));
    }
}

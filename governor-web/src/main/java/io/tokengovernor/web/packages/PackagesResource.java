package io.tokengovernor.web.packages;

import io.tokengovernor.registry.boundary.PackageRegistry;
import io.tokengovernor.registry.boundary.Registered;
import io.tokengovernor.registry.entity.TaskPackage;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("packages")
@RequestScoped
@Transactional
@Tag(name = "packages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PackagesResource {

    @Inject
    PackageRegistry registry;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("register")
    @Operation(summary = "Register a task package", description = "Idempotent per id. The listed tasks must "
            + "belong to the project and to no other package; tasks registered later may join by naming it.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "200", description = "Already registered with identical content",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown project or task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Id registered with different content, or a task in "
            + "another package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid PackageRequest request,
            @Context UriInfo uri) {
        caller.get().requireProject(Ids.normalise(request.projectId));
        Registered<TaskPackage> registered = registry.register(Ids.normalise(request.id), request.toRegistration());
        PackageView view = PackageView.of(registered.entity());
        if (!registered.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("packages").path(view.id).build()).entity(view)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a task package")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView get(@PathParam("id") String id) {
        return PackageView.of(registry.get(Ids.normalise(id)));
    }
}

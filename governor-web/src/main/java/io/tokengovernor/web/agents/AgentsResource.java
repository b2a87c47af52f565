package io.tokengovernor.web.agents;

import io.tokengovernor.registry.boundary.AgentRegistry;
import io.tokengovernor.registry.boundary.Listing;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.PageView;
import io.tokengovernor.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("agents")
@RequestScoped
@Transactional
@Tag(name = "agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @Inject
    AgentRegistry registry;

    @GET
    @Operation(summary = "List agents", description = "Oldest first, optionally of one project.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentPageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<AgentView> list(
            @QueryParam("projectId") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String projectId,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = Listing.MAX_SIZE, message = "must be 1 to 500") int size) {
        String project = Ids.normalise(projectId);
        return PageView.of(registry.list(project, page, size).stream().map(AgentView::of).toList(), page, size,
                registry.count(project));
    }
}

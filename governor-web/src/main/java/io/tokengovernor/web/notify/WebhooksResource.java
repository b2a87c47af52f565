package io.tokengovernor.web.notify;

import io.tokengovernor.notify.boundary.Outbox;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("projects/{id}/webhooks")
@RequestScoped
@Transactional
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Outbox outbox;

    @Inject
    ProjectRegistry projects;

    @GET
    @Operation(summary = "A project's recent webhook notifications and their delivery, newest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryView> recent(@PathParam("id") String projectId,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = 500, message = "must be 1 to 500") int limit) {
        String id = projects.get(Ids.normalise(projectId)).getId();
        return outbox.recent(id, limit).stream().map(DeliveryView::of).toList();
    }
}

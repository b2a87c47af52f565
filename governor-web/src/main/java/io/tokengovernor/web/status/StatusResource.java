package io.tokengovernor.web.status;

import io.tokengovernor.reporting.boundary.StatusLevel;
import io.tokengovernor.reporting.boundary.StatusReport;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("status")
@RequestScoped
@Transactional
@Tag(name = "status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    StatusReport report;

    @GET
    @Path("{level}/{id}")
    @Operation(summary = "Compact status of a project, agent, task or package",
            description = "Budget, used, reserved and remaining tokens, state and task counts by state, in at most "
                    + "200 tokens so an agent can read it before every step.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            implementation = StatusSchema.class), examples = @ExampleObject(name = "project", value =
            "{\"level\":\"project\",\"id\":\"3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11\",\"budget\":500000,"
            + "\"used\":120000,\"reserved\":4000,\"remaining\":376000,\"tier\":1,\"window\":\"DAILY\","
            + "\"counts\":{\"tasks\":3,\"running\":1,\"completed\":2}}")))
    @APIResponse(responseCode = "400", description = "Unknown level",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> status(
            @Parameter(description = "project, agent, task or package") @PathParam("level") String level,
            @PathParam("id") String id) {
        return report.of(StatusLevel.parse(level), Ids.normalise(id));
    }
}

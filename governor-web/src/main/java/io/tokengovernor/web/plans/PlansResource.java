package io.tokengovernor.web.plans;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.planning.boundary.WorkflowPlans;
import io.tokengovernor.planning.entity.StoredPlan;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deep inspection's workflow plans of a project, versioned: store one, list them, read one. */
@Path("projects/{id}/plans")
@RequestScoped
@Transactional
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {

    // the request's public fields as they came, without its validation methods and without absent fields
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Inject
    WorkflowPlans plans;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a workflow plan as the project's next version",
            description = "The plan token-gov init --inspect writes. Its agent count must be the one the seed's "
                    + "criteria give for its inspection.")
    @APIResponse(responseCode = "201", description = "Stored: the plan with its version",
            content = @Content(schema = @Schema(implementation = PlanRequest.class)))
    @APIResponse(responseCode = "400", description = "Invalid plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response store(@PathParam("id") String projectId,
            @NotNull(message = "a workflow plan is required") @Valid PlanRequest plan, @Context UriInfo uri) {
        String id = Ids.normalise(projectId);
        caller.get().requireProject(id);
        StoredPlan stored = plans.store(id, plan.inspection.toCore(), plan.agents.size(), plan.estimatedTokens,
                write(JSON.valueToTree(plan)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(stored.getVersion())).build())
                .entity(document(stored)).build();
    }

    @GET
    @Operation(summary = "A project's workflow plans, newest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PlanSummary.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PlanSummary> list(@PathParam("id") String projectId,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = WorkflowPlans.MAX_LIST, message = "must be 1 to 200") int limit) {
        return plans.of(Ids.normalise(projectId), limit).stream().map(PlanSummary::of).toList();
    }

    @GET
    @Path("latest")
    @Operation(summary = "A project's newest workflow plan")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PlanRequest.class)))
    @APIResponse(responseCode = "404", description = "No such project, or no plan yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String latest(@PathParam("id") String projectId) {
        return document(plans.latest(Ids.normalise(projectId)));
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One version of a project's workflow plan")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PlanRequest.class)))
    @APIResponse(responseCode = "404", description = "No such project or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String version(@PathParam("id") String projectId,
            @PathParam("version") @Min(value = 1, message = "must be a version number from 1")
            @Max(value = Integer.MAX_VALUE, message = "must be a version number from 1") int version) {
        return document(plans.version(Ids.normalise(projectId), version));
    }

    /** The stored plan with its project, version and time. */
    private static String document(StoredPlan stored) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(stored.getDocument());
            ObjectNode answer = JSON.createObjectNode().put("projectId", stored.getProjectId())
                    .put("version", stored.getVersion()).put("createdAt", stored.getCreatedAt().toString());
            answer.setAll(document);
            return write(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan " + stored.getProjectId() + " v" + stored.getVersion()
                    + " is not JSON", e);
        }
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan could not be written as JSON", e);
        }
    }
}

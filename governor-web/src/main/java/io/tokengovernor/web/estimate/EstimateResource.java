package io.tokengovernor.web.estimate;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.scheduler.HistoricalEstimate;
import io.tokengovernor.registry.boundary.Estimates;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("estimate")
@RequestScoped
@Transactional
@Tag(name = "scheduler")
@Produces(MediaType.APPLICATION_JSON)
public class EstimateResource {

    @Inject
    Estimates estimates;

    @GET
    @Operation(summary = "Estimate a task's tokens from history, with the expected error",
            description = "Median and p75 of what completed tasks of the same complexity and agent type (and "
                    + "project) used; the complexity heuristic while fewer than 5 such tasks completed.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Unknown complexity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> estimate(
            @QueryParam("complexity") @Pattern(regexp = "SIMPLE|COMPLEX|VERY_COMPLEX",
                    message = "must be SIMPLE, COMPLEX or VERY_COMPLEX") String complexity,
            @QueryParam("agentType") @Size(max = 100, message = "must be at most 100 characters") String agentType,
            @QueryParam("projectId") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String projectId) {
        HistoricalEstimate estimate = estimates.of(complexity == null ? null : Complexity.valueOf(complexity),
                agentType, Ids.normalise(projectId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("estimate", estimate.median());
        answer.put("p75", estimate.p75());
        answer.put("samples", estimate.samples());
        answer.put("source", estimate.source().name());
        if (estimate.expectedError() != null) {
            answer.put("expectedError", Math.round(estimate.expectedError() * 1000) / 1000.0);
        }
        return answer;
    }
}

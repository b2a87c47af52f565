package io.tokengovernor.web.gateway;

import io.tokengovernor.gateway.boundary.UpstreamKeys;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/**
 * The upstream keys the gateway holds per project, sealed like checkpoint payloads. Written and deleted; what is
 * read back is only which providers have one and since when.
 */
@Path("projects/{id}/gateway-key")
@RequestScoped
@Transactional
@Tag(name = "gateway")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayKeyResource {

    @Inject
    UpstreamKeys keys;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the upstream API key the gateway uses for this project's calls",
            description = "AES-256-GCM encrypted at rest under TOKEN_GOV_CHECKPOINT_KEY (501 without it); replaces the "
                    + "provider's earlier key; never returned or logged.")
    @APIResponse(responseCode = "200", description = "Stored: the providers held and since when")
    @APIResponse(responseCode = "400", description = "Not a provider or not a key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "Encryption at rest is off (no key configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> store(@PathParam("id") String projectId,
            @NotNull(message = "a JSON body is required") @Valid GatewayKeyRequest request) {
        String project = Ids.normalise(projectId);
        caller.get().requireProject(project);
        keys.store(project, request.provider, request.key);
        return held(project);
    }

    @DELETE
    @Operation(summary = "Delete the project's upstream key of one provider (or of both)")
    @APIResponse(responseCode = "200", description = "What is still held")
    public Map<String, Object> delete(@PathParam("id") String projectId, @QueryParam("provider") String provider) {
        String project = Ids.normalise(projectId);
        caller.get().requireProject(project);
        for (String each : provider == null ? UpstreamKeys.PROVIDERS : java.util.Set.of(provider)) {
            keys.delete(project, each);
        }
        return held(project);
    }

    @GET
    @Operation(summary = "Which providers the gateway holds a key for, and since when (never the keys)")
    @APIResponse(responseCode = "200", description = "provider → stored at")
    public Map<String, Object> held(@PathParam("id") String projectId) {
        String project = Ids.normalise(projectId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("projectId", project);
        answer.put("held", keys.held(project));
        return answer;
    }
}

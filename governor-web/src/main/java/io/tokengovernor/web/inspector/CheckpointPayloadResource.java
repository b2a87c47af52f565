package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.boundary.CheckpointPayloads;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkpoint payloads kept by the governor, encrypted at rest. Reading one needs a key too. */
@Path("tasks/{id}/checkpoints/{checkpointId}/payload")
@RequestScoped
@Transactional
@Tag(name = "inspector")
public class CheckpointPayloadResource {

    static final String JSON_LINES = "application/x-ndjson";

    @Inject
    CheckpointPayloads payloads;

    @Inject
    TaskRegistry tasks;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes({JSON_LINES, "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a checkpoint's payload (JSON Lines), AES-256-GCM encrypted at rest",
            description = "Needs TOKEN_GOV_CHECKPOINT_KEY on the server; without it the answer is 501.")
    @APIResponse(responseCode = "200", description = "Stored; the answer carries the payload's SHA-256")
    @APIResponse(responseCode = "400", description = "Not JSON Lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "Payload storage is off (no key configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> store(@PathParam("id") String taskId, @PathParam("checkpointId") String checkpointId,
            byte[] jsonl) {
        String task = Ids.normalise(taskId);
        caller.get().requireProject(tasks.projectOf(task));
        String sha256 = payloads.store(task, Ids.normalise(checkpointId), jsonl == null ? new byte[0] : jsonl);
        return Map.of("checkpointId", Ids.normalise(checkpointId), "sizeBytes", jsonl == null ? 0 : jsonl.length,
                "sha256", sha256);
    }

    @GET
    @Produces(JSON_LINES)
    @Operation(summary = "Read a checkpoint's payload back, decrypted (needs an API key of the project)")
    @APIResponse(responseCode = "200", description = "The JSON Lines as stored")
    @APIResponse(responseCode = "404", description = "No such checkpoint or no stored payload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public byte[] read(@PathParam("id") String taskId, @PathParam("checkpointId") String checkpointId) {
        String task = Ids.normalise(taskId);
        caller.get().requireProject(tasks.projectOf(task));
        return payloads.read(task, Ids.normalise(checkpointId));
    }
}

package io.tokengovernor.web.usage;

import io.tokengovernor.usage.boundary.UsageLedger;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Usage reports. Deliberately not transactional: the request waits for the ledger's single writer
 * to commit and must not hold a database connection while it waits.
 */
@Path("usage")
@RequestScoped
@Tag(name = "usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    UsageLedger ledger;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Report the usage of one model call",
            description = "Answers after the event is durable on disk, with the task's directive.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UsageAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid event or unknown task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not acknowledged; sending again is safe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UsageAnswer report(@NotNull(message = "a JSON body is required") @Valid UsageEventRequest event) {
        return UsageAnswer.of(ledger.record(List.of(event.toEvent()), caller.get().scope()));
    }

    @POST
    @Path("batch")
    @Operation(summary = "Report up to 10,000 usage events at once",
            description = "All or nothing: either every event is durable (repeats counted as duplicates) or none "
                    + "is. Answers with the counts and the directive of every task touched.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UsageAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid event or unknown task; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not acknowledged; sending again is safe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UsageAnswer reportBatch(@NotNull(message = "a JSON body is required") @Valid UsageBatchRequest batch) {
        return UsageAnswer.of(ledger.record(batch.events.stream().map(UsageEventRequest::toEvent).toList(),
                caller.get().scope()));
    }
}

package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.boundary.ReservationDesk;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.inspector.entity.Reservation;
import io.tokengovernor.web.Ids;
import io.tokengovernor.web.TransientConflicts;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import io.tokengovernor.registry.boundary.TaskRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admission before spending. The reservation desk owns its transaction (a refusal rolls back). */
@Path("tasks/{id}/reservations")
@RequestScoped
@Tag(name = "inspector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationsResource {

    private static final long DEFAULT_TTL_SECONDS = 300;

    @Inject
    ReservationDesk desk;

    @Inject
    TaskInspector inspector;

    @Inject
    TaskRegistry tasks;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Reserve tokens for the next call",
            description = "Granted only if the task, its package and its project all have the tokens left "
                    + "(budget − used − reserved), atomically. 201 when granted, 200 with granted=false when not; "
                    + "both carry the task's directive.")
    @APIResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "Denied",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such task",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task is paused or finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reserve(@PathParam("id") String taskId,
            @NotNull(message = "a JSON body is required") @Valid ReservationRequest request) {
        if (!caller.get().admin()) {
            caller.get().requireProject(tasks.projectOf(Ids.normalise(taskId)));
        }
        String id = Ids.normalise(taskId);
        long ttl = request.ttlSeconds == null ? DEFAULT_TTL_SECONDS : request.ttlSeconds;
        Reservation reservation = TransientConflicts.retry(() -> desk.reserve(id, request.tokens, ttl));
        if (!reservation.granted()) {
            // the refusal rolled back; the pause it makes due is recorded in a transaction of its own
            String refusal = reservation.reason();
            reservation = new Reservation(null, false, reservation.tokens(), null, refusal,
                    TransientConflicts.retry(() -> inspector.refused(id, refusal)));
        }
        return Response.status(reservation.granted() ? 201 : 200).entity(ReservationView.of(reservation)).build();
    }

    @DELETE
    @Path("{reservationId}")
    @Operation(summary = "Give back a reservation that will not be used")
    @APIResponse(responseCode = "200", description = "Released (tokens 0 when it was no longer held)")
    public Map<String, Long> release(@PathParam("id") String taskId,
            @PathParam("reservationId") String reservationId) {
        if (!caller.get().admin()) {
            caller.get().requireProject(tasks.projectOf(Ids.normalise(taskId)));
        }
        return Map.of("released", desk.release(Ids.normalise(taskId), Ids.normalise(reservationId)));
    }
}

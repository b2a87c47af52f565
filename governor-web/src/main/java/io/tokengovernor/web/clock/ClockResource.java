package io.tokengovernor.web.clock;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.scheduler.boundary.VirtualTime;
import io.tokengovernor.time.GovernorClock;
import io.tokengovernor.web.problem.Problem;
import io.tokengovernor.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server's clock. Moving it is for tests: only a server started with {@code GOVERNOR_CLOCK_ADJUSTABLE=true}
 * accepts it, and only from the admin key. Deliberately not transactional: a move runs scheduler passes, each in
 * transactions of its own.
 */
@Path("clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clock", description = "The server's time; adjustable on test servers only")
public class ClockResource {

    @Inject
    GovernorClock governorClock;

    @Inject
    Clock clock;

    @Inject
    VirtualTime virtualTime;

    @Inject
    CurrentCaller caller;

    @Inject
    TaskInspector inspector;

    @GET
    @Operation(summary = "The server's time, whether it can be moved, and until when a checkpoint grace runs",
            description = "graceRunningUntil: when the last checkpoint grace before a due pause ends, if one runs.")
    @APIResponse(responseCode = "200", description = "OK")
    public Map<String, Object> now() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", clock.instant().toString());
        answer.put("adjustable", governorClock.adjustable());
        answer.put("frozen", governorClock.frozen());
        answer.put("offsetSeconds", governorClock.offset().toSeconds());
        inspector.lastGraceEnd().ifPresent(end -> answer.put("graceRunningUntil", end.toString()));
        return answer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the clock forward (admin, test servers only)",
            description = "Stops at every instant where a timer would act before the target (checkpoint graces "
                    + "running out, budget windows resetting under queued work, timed scheduler passes) and does "
                    + "what the timer would have done there.")
    @APIResponse(responseCode = "200", description = "Where the clock is now and what the move did")
    @APIResponse(responseCode = "400", description = "No target, two targets, or a target in the past",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The server's clock is not adjustable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VirtualTime.Move move(@NotNull(message = "a JSON body is required") @Valid ClockMove move) {
        caller.get().requireAdmin("move the server's clock");
        governorClock.requireAdjustable();
        if ((move.to == null) == (move.advanceSeconds == null)) {
            throw new InvalidRequestException("body", "name exactly one of to and advanceSeconds");
        }
        if (move.advanceSeconds != null) {
            return virtualTime.moveBy(Duration.ofSeconds(move.advanceSeconds), move.freeze);
        }
        try {
            return virtualTime.moveTo(Instant.parse(move.to), move.freeze);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("to", "not an ISO-8601 instant: " + move.to);
        }
    }
}

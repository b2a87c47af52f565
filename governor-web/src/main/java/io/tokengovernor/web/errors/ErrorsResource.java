package io.tokengovernor.web.errors;

import io.tokengovernor.notify.boundary.ErrorLog;
import io.tokengovernor.web.Ids;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("errors")
@RequestScoped
@Transactional
@Tag(name = "inspector")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorsResource {

    @Inject
    ErrorLog errors;

    @GET
    @Operation(summary = "The error log, newest first",
            description = "Failed external calls (webhooks), rejected input and alerts such as a pause without a "
                    + "saved checkpoint.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ErrorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ErrorView> list(
            @QueryParam("since") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T.+", message = "must be an RFC 3339 time")
            String since,
            @QueryParam("projectId") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE) String projectId,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be 1 to 1000")
            @Max(value = ErrorLog.MAX_LIST, message = "must be 1 to 1000") int limit) {
        Instant from = since == null ? Instant.EPOCH : parse(since);
        return errors.since(from, Ids.normalise(projectId), limit).stream().map(ErrorView::of).toList();
    }

    private static Instant parse(String since) {
        try {
            return java.time.OffsetDateTime.parse(since).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.tokengovernor.InvalidRequestException("since", "must be an RFC 3339 time such as "
                    + "2026-11-29T10:00:00Z");
        }
    }
}

package io.tokengovernor.web.inspector;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tasks/{id}/reservations}. */
@Schema(name = "ReservationRequest")
public class ReservationRequest {

    @NotNull(message = "is required")
    @Min(value = 1, message = "must be 1 or more")
    @Schema(required = true, example = "4000", description = "Tokens the next call may use")
    public Long tokens;
    @Min(value = 1, message = "must be 1 to 3600")
    @Max(value = 3600, message = "must be 1 to 3600")
    @Schema(defaultValue = "300", description = "Seconds until an unused reservation is released")
    public Long ttlSeconds;
}

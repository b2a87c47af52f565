package io.tokengovernor.web.usage;

import io.tokengovernor.usage.boundary.UsageLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/usage/batch}. */
@Schema(name = "UsageBatch")
public class UsageBatchRequest {

    @NotNull(message = "is required")
    @Size(min = 1, max = UsageLedger.MAX_BATCH, message = "must hold 1 to 10000 events")
    @Schema(required = true)
    public List<@NotNull(message = "must not contain null") @Valid UsageEventRequest> events;
}

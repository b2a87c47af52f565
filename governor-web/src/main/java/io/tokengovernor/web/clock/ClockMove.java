package io.tokengovernor.web.clock;

import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to move an adjustable clock: to an instant, or ahead by a number of seconds. */
@Schema(name = "ClockMove", description = "Name exactly one of to and advanceSeconds.")
public class ClockMove {

    @Schema(description = "ISO-8601 instant, e.g. 2026-12-01T00:00:00Z; not before the server's time")
    public String to;

    @PositiveOrZero(message = "must be zero or more")
    @Schema(description = "Seconds to move ahead")
    public Long advanceSeconds;

    @Schema(description = "Keep the clock standing at the target until the next move (default false: it runs on)")
    public boolean freeze;
}

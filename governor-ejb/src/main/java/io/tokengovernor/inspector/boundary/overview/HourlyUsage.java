package io.tokengovernor.inspector.boundary.overview;

import java.time.Instant;

/** Tokens a project's ledger records in one UTC hour (by the events' own timestamps). */
public record HourlyUsage(Instant hour, long tokens) {
}

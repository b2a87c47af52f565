package io.tokengovernor.core.governance;

import io.tokengovernor.core.inspector.ThresholdSettings;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The server-wide rules of the engine: default threshold bounds (a project may override them), how long a task
 * asked for a checkpoint may run on before a due pause takes effect, and the zone in which calendar windows begin.
 */
public record GovernanceSettings(ThresholdSettings thresholds, Duration checkpointGrace, ZoneId windowZone) {

    public GovernanceSettings {
        if (thresholds == null || checkpointGrace == null || windowZone == null || checkpointGrace.isNegative()) {
            throw new IllegalArgumentException("settings need thresholds, a grace of 0 s or more and a zone");
        }
    }
}

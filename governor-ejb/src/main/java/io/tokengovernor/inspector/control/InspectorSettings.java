package io.tokengovernor.inspector.control;

import io.tokengovernor.core.inspector.ThresholdSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server-wide defaults of the inspector, from MicroProfile Config; projects may override the thresholds. */
@ApplicationScoped
public class InspectorSettings {

    @Inject
    @ConfigProperty(name = "governor.threshold.default", defaultValue = "0.90")
    double defaultThreshold;

    @Inject
    @ConfigProperty(name = "governor.threshold.min", defaultValue = "0.50")
    double minThreshold;

    @Inject
    @ConfigProperty(name = "governor.threshold.max", defaultValue = "0.95")
    double maxThreshold;

    @Inject
    @ConfigProperty(name = "governor.checkpoint.grace-seconds", defaultValue = "60")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "governor.window.zone", defaultValue = "UTC")
    String windowZone;

    public ThresholdSettings thresholds() {
        return new ThresholdSettings(defaultThreshold, minThreshold, maxThreshold);
    }

    /** How long a task asked for a checkpoint may run past its budget before the pause takes effect. */
    public Duration checkpointGrace() {
        return Duration.ofSeconds(graceSeconds);
    }

    /** The zone in which daily, weekly and monthly windows begin. */
    public ZoneId windowZone() {
        return ZoneId.of(windowZone);
    }
}

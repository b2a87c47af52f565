package io.tokengovernor.notify.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook delivery and periodic report settings, from MicroProfile Config; read in this one place. */
@ApplicationScoped
public class NotifySettings {

    @Inject
    @ConfigProperty(name = "governor.webhook.max-retries", defaultValue = "3")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "governor.webhook.backoff-ms", defaultValue = "1000")
    long backoffMillis;

    @Inject
    @ConfigProperty(name = "governor.report.interval-seconds", defaultValue = "300")
    long reportIntervalSeconds;

    /** Retries after the first attempt before a message is kept as a dead letter. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The first retry's delay; each later one doubles it. */
    public Duration backoff() {
        return Duration.ofMillis(backoffMillis);
    }

    /** Seconds between periodic status reports; 0 or less turns them off. */
    public long reportIntervalSeconds() {
        return reportIntervalSeconds;
    }
}

package io.tokengovernor.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has memory left to serve requests. */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    private static final double MAX_HEAP_SHARE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        boolean healthy = used < runtime.maxMemory() * MAX_HEAP_SHARE;
        return HealthCheckResponse.named("heap").status(healthy)
                .withData("usedMb", used / 1_048_576)
                .withData("maxMb", runtime.maxMemory() / 1_048_576)
                .build();
    }
}

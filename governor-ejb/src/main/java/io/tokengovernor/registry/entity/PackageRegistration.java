package io.tokengovernor.registry.entity;

import java.time.Instant;
import java.util.List;

/** What a client says about a task package when registering it. */
public record PackageRegistration(String projectId, List<String> taskIds, Long estimatedTokens, int priority,
        Instant notBefore, Instant deadline) {

    public PackageRegistration {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
}

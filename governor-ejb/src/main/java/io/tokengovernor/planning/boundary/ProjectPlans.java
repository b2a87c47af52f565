package io.tokengovernor.planning.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A project's workflow plans as the dashboard shows them: every version, newest first, and one plan's document.
 * {@code shown} is null when the project has no plan yet.
 */
public record ProjectPlans(String projectId, String projectName, List<Version> versions, Shown shown)
        implements Serializable {

    public ProjectPlans {
        versions = List.copyOf(versions);
    }

    /** The newest version's number, 0 without plans. */
    public int currentVersion() {
        return versions.isEmpty() ? 0 : versions.get(0).version();
    }

    /** One stored version, as the list shows it. */
    public record Version(int version, Instant createdAt, int agents, long estimatedTokens, String inspectionSource)
            implements Serializable {
    }

    /** The version on show and its plan, the JSON that {@code token-gov init --inspect} wrote. */
    public record Shown(Version version, String document) implements Serializable {
    }
}

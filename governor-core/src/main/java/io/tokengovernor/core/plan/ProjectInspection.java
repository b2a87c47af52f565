package io.tokengovernor.core.plan;

import io.tokengovernor.core.registry.Complexity;
import java.util.Objects;

/**
 * What deep inspection learned about a project: how many files it has, how many external (model and GitHub) calls
 * its work is expected to make, and how complex its tasks are — and where those figures came from.
 */
public record ProjectInspection(long fileCount, long apiCalls, Complexity taskComplexity, Source source) {

    /** Where the figures came from: the project's {@code project_config.json}, or counted in its working tree. */
    public enum Source { PROJECT_CONFIG, WORKING_TREE }

    public ProjectInspection {
        if (fileCount < 0) {
            throw new IllegalArgumentException("file count must not be negative: " + fileCount);
        }
        if (apiCalls < 0) {
            throw new IllegalArgumentException("API calls must not be negative: " + apiCalls);
        }
        Objects.requireNonNull(taskComplexity, "taskComplexity");
        Objects.requireNonNull(source, "source");
    }
}

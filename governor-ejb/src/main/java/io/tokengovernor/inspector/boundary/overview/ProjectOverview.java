package io.tokengovernor.inspector.boundary.overview;

import io.tokengovernor.registry.entity.Project;
import java.util.List;

/**
 * A project's page: the project (an entity without relations, safe to read detached), its most
 * recently changed tasks, and its usage per hour, oldest first.
 */
public record ProjectOverview(Project project, List<TaskLine> tasks, long taskCount, List<HourlyUsage> usage) {
}

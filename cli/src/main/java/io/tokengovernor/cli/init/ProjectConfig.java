package io.tokengovernor.cli.init;

import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.plan.WorkflowPlan;
import java.util.Optional;

/**
 * A project's {@code project_config.json}, checked against {@code project_config.schema.json}; or, without one, the
 * figures counted in the working tree.
 */
record ProjectConfig(ProjectInspection inspection, Optional<String> repository, String defaultBranch,
        int callsPerMinute) {

    static final String DEFAULT_BRANCH = "main";

    static ProjectConfig counted(ProjectInspection inspection) {
        return new ProjectConfig(inspection, Optional.empty(), DEFAULT_BRANCH, WorkflowPlan.DEFAULT_CALLS_PER_MINUTE);
    }
}

package io.tokengovernor.cli.setup;

import java.util.List;
import java.util.Map;

/**
 * What the Setup agent makes the repository hold: the repository itself, the plan's branches, protection of the
 * default branch (a reviewed PR and the governed check required, no direct pushes, administrators included) and the
 * files of {@link RepositoryFiles}.
 */
public record SetupPlan(String owner, String name, String defaultBranch, List<String> branches,
        Map<String, String> files, int callsPerMinute) {

    /** The status check the Actions workflow reports and the protection requires. */
    public static final String REQUIRED_CHECK = "governed";
    public static final int REQUIRED_REVIEWS = 1;

    public SetupPlan {
        branches = List.copyOf(branches);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    public String fullName() {
        return owner + "/" + name;
    }
}

package io.tokengovernor.core.plan;

import io.tokengovernor.core.registry.Complexity;

/**
 * The seed's Phase 0 roles: the Setup agent initialises the repository, the PR agent turns every change into a pull
 * request, the simulation agents do the project's work. Setup and PR work is small and fixed (SIMPLE tasks); the
 * simulation agents' tasks are as complex as the project says.
 */
public enum PlanRole {
    SETUP, PR, SIMULATION;

    /** The agent type a task of this role registers with, so the estimator learns from this role's history. */
    public String agentType() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How complex one task of this role is in a project whose tasks have the given complexity. */
    public Complexity complexityIn(Complexity projectTasks) {
        return this == SIMULATION ? projectTasks : Complexity.SIMPLE;
    }
}

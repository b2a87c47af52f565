package io.tokengovernor.scheduler.entity;

/**
 * A CDI event: something gave tokens back to a project (a budget raised, a task finished, a
 * reservation released or expired); the scheduler runs a pass once the change is committed.
 */
public record TokensFreed(String projectId, String why) {
}

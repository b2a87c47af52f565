package io.tokengovernor.inspector.entity;

import io.tokengovernor.core.inspector.Directive;

/** A CDI event: the governor decided a task's directive (observers see it once the transaction commits). */
public record DirectiveIssued(String projectId, Directive directive) {
}

package io.tokengovernor.gateway.boundary;

import io.tokengovernor.core.inspector.Directive;

/**
 * What the gateway may do with a call: forward it under a held reservation (with the checkpoint reminder when the
 * task is to be told), or refuse it because the task may not spend ({@code refusal} says why and when it resumes).
 */
public record Admission(String taskId, String projectId, String reservationId, long tokens, Directive directive,
        String reminder, String refusal) {

    public boolean admitted() {
        return reservationId != null;
    }
}

package io.tokengovernor.web.tasks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/tasks/{id}}. */
@Schema(name = "TaskPatch")
public class TaskPatch {

    @NotNull(message = "is required")
    @PositiveOrZero(message = "must be zero or more tokens")
    @Schema(required = true, example = "20000")
    public Long tokenBudget;
}

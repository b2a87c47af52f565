package io.tokengovernor.web.tasks;

import io.tokengovernor.core.registry.TaskState;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tasks/{id}/transitions}: where the task goes and why. */
@Schema(name = "TransitionRequest")
public class TransitionRequest {

    @NotNull(message = "is required")
    @Schema(required = true, example = "RUNNING")
    public TaskState to;
    @NotBlank(message = "is required")
    @Size(max = 500, message = "must be at most 500 characters")
    @Schema(required = true, example = "agent started")
    public String reason;
}

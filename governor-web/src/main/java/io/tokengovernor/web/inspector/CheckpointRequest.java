package io.tokengovernor.web.inspector;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tasks/{id}/checkpoints}: where the agent saved its work. */
@Schema(name = "CheckpointRequest")
public class CheckpointRequest {

    @NotBlank(message = "is required")
    @Size(max = 2000, message = "must be at most 2000 characters")
    @Schema(required = true, example = "s3://checkpoints/task-42/step-7.jsonl")
    public String uri;
    @PositiveOrZero(message = "must be zero or more")
    public Long sizeBytes;
    @Size(max = 4000, message = "must be at most 4000 characters")
    public String summary;
}

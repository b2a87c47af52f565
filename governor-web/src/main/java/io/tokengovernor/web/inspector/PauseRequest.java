package io.tokengovernor.web.inspector;

import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tasks/pause}: exactly one of taskId and packageId, and why. */
@Schema(name = "PauseRequest")
public class PauseRequest {

    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String taskId;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String packageId;
    @NotBlank(message = "is required")
    @Size(max = 500, message = "must be at most 500 characters")
    @Schema(required = true, example = "maintenance window")
    public String reason;

    @AssertTrue(message = "name exactly one of taskId and packageId")
    @Schema(hidden = true)
    public boolean isOneTarget() {
        return (taskId == null) != (packageId == null);
    }
}

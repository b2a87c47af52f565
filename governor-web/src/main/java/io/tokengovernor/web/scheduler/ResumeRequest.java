package io.tokengovernor.web.scheduler;

import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/scheduler/resume}: exactly one of taskId, packageId and all. */
@Schema(name = "ResumeRequest")
public class ResumeRequest {

    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String taskId;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String packageId;
    @Schema(description = "Resume every queued task (each still needs the tokens)")
    public boolean all;
    @Schema(description = "Admin only: resume even without the tokens or the task budget")
    public boolean force;
}

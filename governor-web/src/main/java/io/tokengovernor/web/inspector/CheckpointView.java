package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.web.usage.DirectiveView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkpoint asked for and, once saved, where it is. */
@Schema(name = "Checkpoint")
public class CheckpointView {

    public String id;
    public String taskId;
    @Schema(enumeration = {"THRESHOLD", "BUDGET", "PAUSE", "PREEMPTIVE"})
    public String reason;
    public Instant requestedAt;
    public Instant savedAt;
    public String uri;
    public Long sizeBytes;
    public String summary;
    @Schema(description = "Only in the answer to saving: what the task may do now")
    public DirectiveView directive;

    static CheckpointView of(Checkpoint checkpoint) {
        CheckpointView view = new CheckpointView();
        view.id = checkpoint.getId();
        view.taskId = checkpoint.getTaskId();
        view.reason = checkpoint.getReason();
        view.requestedAt = checkpoint.getRequestedAt();
        view.savedAt = checkpoint.getSavedAt();
        view.uri = checkpoint.getUri();
        view.sizeBytes = checkpoint.getSizeBytes();
        view.summary = checkpoint.getSummary();
        return view;
    }
}

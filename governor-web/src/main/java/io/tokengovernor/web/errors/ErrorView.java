package io.tokengovernor.web.errors;

import io.tokengovernor.notify.entity.ErrorEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the error log. */
@Schema(name = "ErrorEntry")
public class ErrorView {

    public String id;
    public Instant occurredAt;
    @Schema(enumeration = {"EXTERNAL_CALL", "REJECTED_INPUT", "ALERT"})
    public String kind;
    @Schema(description = "Where: the webhook event, the HTTP method and path, …")
    public String source;
    public String detail;
    public String projectId;

    static ErrorView of(ErrorEntry entry) {
        ErrorView view = new ErrorView();
        view.id = entry.getId();
        view.occurredAt = entry.getOccurredAt();
        view.kind = entry.getKind();
        view.source = entry.getSource();
        view.detail = entry.getDetail();
        view.projectId = entry.getProjectId();
        return view;
    }
}

package io.tokengovernor.web.usage;

import io.tokengovernor.usage.entity.RecordedBatch;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a usage report: what was counted, and the directive of each task touched. */
@Schema(name = "UsageAnswer")
public class UsageAnswer {

    @Schema(description = "Events recorded now")
    public int accepted;
    @Schema(description = "Events whose id was already recorded; ignored")
    public int duplicates;
    public List<DirectiveView> directives;

    static UsageAnswer of(RecordedBatch batch) {
        UsageAnswer answer = new UsageAnswer();
        answer.accepted = batch.accepted();
        answer.duplicates = batch.duplicates();
        answer.directives = batch.directives().stream().map(DirectiveView::of).toList();
        return answer;
    }
}

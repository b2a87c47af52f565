package io.tokengovernor.inspector.boundary.overview;

import java.util.List;

/** Everything the inspector page shows, read in one transaction. */
public record Overview(List<TaskDirective> directives, List<CheckpointLine> checkpoints,
        List<TaskNearThreshold> nearThreshold, List<ErrorLine> errors, List<Delivery> deliveries) {
}

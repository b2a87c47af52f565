package io.tokengovernor.usage.entity;

import io.tokengovernor.core.inspector.Directive;
import java.util.List;

/** What recording a batch did: how many events were new, how many were repeats, and each touched task's directive. */
public record RecordedBatch(int accepted, int duplicates, List<Directive> directives) {
}

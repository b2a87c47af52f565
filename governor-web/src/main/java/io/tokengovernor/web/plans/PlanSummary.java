package io.tokengovernor.web.plans;

import io.tokengovernor.planning.entity.StoredPlan;
import java.time.Instant;

/** One version in the list of a project's workflow plans. */
public record PlanSummary(int version, Instant createdAt, int agents, long estimatedTokens, String inspectionSource) {

    static PlanSummary of(StoredPlan plan) {
        return new PlanSummary(plan.getVersion(), plan.getCreatedAt(), plan.getAgents(), plan.getEstimatedTokens(),
                plan.getInspectionSource());
    }
}

package io.tokengovernor.faces.plans;

import io.tokengovernor.core.plan.AgentAllocation;
import io.tokengovernor.core.plan.AgentAllocation.Band;
import io.tokengovernor.core.plan.ProjectInspection;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Why a plan has the agents it has: the seed's three bands, where the inspection's file count and API calls fall
 * among them, the band that applied, and the reason the rules give (core's {@link AgentAllocation}, so the page
 * explains exactly the rule the server checked the plan against).
 */
public record AllocationCriteria(int agents, Band band, String reason, List<Row> rows) implements Serializable {

    /** One band: how many agents, for which projects, and whether the files, the calls, or both fall in it. */
    public record Row(Band band, String agentsLabel, String criterion, boolean files, boolean calls, boolean applied)
            implements Serializable {
    }

    public AllocationCriteria {
        rows = List.copyOf(rows);
    }

    public static AllocationCriteria of(ProjectInspection inspection) {
        AgentAllocation allocation = AgentAllocation.of(inspection);
        Band byFiles = AgentAllocation.bandOfFiles(inspection.fileCount());
        Band byCalls = AgentAllocation.bandOfCalls(inspection.apiCalls());
        List<Row> rows = Arrays.stream(Band.values()).map(band -> new Row(band, agentsLabel(band), band.criterion(),
                band == byFiles, band == byCalls, band == allocation.band())).toList();
        return new AllocationCriteria(allocation.agents(), allocation.band(), allocation.reason(), rows);
    }

    /** "1 agent", "3 agents". */
    public String agentsText() {
        return agents == 1 ? "1 agent" : agents + " agents";
    }

    /** The band in words: "2–3 agents". */
    public String bandText() {
        return agentsLabel(band);
    }

    static String agentsLabel(Band band) {
        return band.fewest() == band.most() ? band.fewest() + (band.fewest() == 1 ? " agent" : " agents")
                : band.fewest() + "–" + band.most() + " agents";
    }
}

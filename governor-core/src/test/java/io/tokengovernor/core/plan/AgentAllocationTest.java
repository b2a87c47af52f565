package io.tokengovernor.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.plan.AgentAllocation.Band;
import io.tokengovernor.core.plan.ProjectInspection.Source;
import io.tokengovernor.core.registry.Complexity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentAllocationTest {

    @ParameterizedTest(name = "{0} files, {1} calls, {2} -> {3} agents")
    @CsvSource({
            // one agent: below 10 files AND below 20 calls
            "0, 0, COMPLEX, 1", "9, 19, COMPLEX, 1", "9, 19, VERY_COMPLEX, 1",
            // the 10-file and 20-call edges open the 2-3 band
            "10, 0, COMPLEX, 2", "0, 20, COMPLEX, 2", "10, 19, SIMPLE, 2", "9, 20, SIMPLE, 2",
            "10, 20, SIMPLE, 3", "50, 100, COMPLEX, 3", "50, 0, VERY_COMPLEX, 3",
            // 50 files and 100 calls are still 2-3; 51 and 101 are 4-5
            "50, 19, COMPLEX, 2", "9, 100, COMPLEX, 2", "51, 0, COMPLEX, 4", "0, 101, COMPLEX, 4",
            "51, 19, SIMPLE, 4", "51, 20, SIMPLE, 5", "10, 101, COMPLEX, 5", "51, 101, SIMPLE, 5",
            "51, 0, VERY_COMPLEX, 5", "1000000, 1000000, VERY_COMPLEX, 5"})
    void allocates_by_the_seeds_criteria_at_every_edge(long files, long calls, Complexity complexity, int agents) {
        AgentAllocation allocation = AgentAllocation.of(new ProjectInspection(files, calls, complexity, Source.PROJECT_CONFIG));

        assertThat(allocation.agents()).isEqualTo(agents);
        assertThat(allocation.reason()).contains(files + " files").contains(calls + " API calls");
    }

    @Test
    void never_gives_more_than_five_agents_and_more_work_never_gets_fewer() {
        long[] values = {0, 1, 9, 10, 11, 19, 20, 21, 49, 50, 51, 99, 100, 101, 500, Long.MAX_VALUE};
        for (Complexity complexity : Complexity.values()) {
            for (long files : values) {
                for (long calls : values) {
                    int agents = agentsFor(files, calls, complexity);
                    assertThat(agents).isBetween(1, AgentAllocation.MAX_AGENTS);
                    for (long more : values) {
                        if (more >= files) {
                            assertThat(agentsFor(more, calls, complexity)).as("%d -> %d files", files, more)
                                    .isGreaterThanOrEqualTo(agents);
                        }
                        if (more >= calls) {
                            assertThat(agentsFor(files, more, complexity)).as("%d -> %d calls", calls, more)
                                    .isGreaterThanOrEqualTo(agents);
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_band_is_the_higher_of_the_two_measures() {
        assertThat(AgentAllocation.of(new ProjectInspection(60, 5, Complexity.SIMPLE, Source.WORKING_TREE)).band())
                .isEqualTo(Band.FOUR_TO_FIVE);
        assertThat(AgentAllocation.of(new ProjectInspection(5, 30, Complexity.SIMPLE, Source.WORKING_TREE)).band())
                .isEqualTo(Band.TWO_TO_THREE);
    }

    private static int agentsFor(long files, long calls, Complexity complexity) {
        return AgentAllocation.of(new ProjectInspection(files, calls, complexity, Source.PROJECT_CONFIG)).agents();
    }
}

package io.tokengovernor.faces.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.plan.AgentAllocation.Band;
import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import org.junit.jupiter.api.Test;

class AllocationCriteriaTest {

    @Test
    void a_small_project_gets_one_agent_and_both_measures_sit_in_the_first_band() {
        AllocationCriteria criteria = AllocationCriteria.of(inspection(9, 19, Complexity.VERY_COMPLEX));

        assertThat(criteria.agentsText()).isEqualTo("1 agent");
        assertThat(criteria.band()).isEqualTo(Band.ONE);
        assertThat(criteria.rows().get(0)).isEqualTo(new AllocationCriteria.Row(Band.ONE, "1 agent",
                "< 10 files and < 20 API calls", true, true, true));
        assertThat(criteria.rows()).filteredOn(AllocationCriteria.Row::applied).hasSize(1);
    }

    @Test
    void the_larger_band_of_the_two_measures_applies_and_each_measure_is_marked_in_its_own_band() {
        AllocationCriteria criteria = AllocationCriteria.of(inspection(12, 101, Complexity.COMPLEX));

        assertThat(criteria.band()).isEqualTo(Band.FOUR_TO_FIVE);
        assertThat(criteria.bandText()).isEqualTo("4–5 agents");
        assertThat(criteria.rows()).extracting(AllocationCriteria.Row::files).containsExactly(false, true, false);
        assertThat(criteria.rows()).extracting(AllocationCriteria.Row::calls).containsExactly(false, false, true);
        assertThat(criteria.rows()).extracting(AllocationCriteria.Row::applied).containsExactly(false, false, true);
        assertThat(criteria.agents()).isEqualTo(5);
        assertThat(criteria.reason()).contains("both measures");
    }

    @Test
    void one_measure_past_the_first_band_with_ordinary_tasks_takes_the_smaller_count_and_says_why() {
        AllocationCriteria criteria = AllocationCriteria.of(inspection(12, 5, Complexity.COMPLEX));

        assertThat(criteria.agentsText()).isEqualTo("2 agents");
        assertThat(criteria.bandText()).isEqualTo("2–3 agents");
        assertThat(criteria.reason()).contains("only the file count", "the smaller count");
        assertThat(criteria.rows().get(1).criterion()).isEqualTo("10–50 files or 20–100 API calls");
    }

    private static ProjectInspection inspection(long files, long calls, Complexity complexity) {
        return new ProjectInspection(files, calls, complexity, ProjectInspection.Source.PROJECT_CONFIG);
    }
}

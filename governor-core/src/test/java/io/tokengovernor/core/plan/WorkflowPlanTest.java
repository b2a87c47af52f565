package io.tokengovernor.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.plan.ProjectInspection.Source;
import io.tokengovernor.core.registry.Complexity;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowPlanTest {

    @Test
    void every_allocation_has_every_role_once_the_agents_estimates_add_up_and_branches_are_distinct() {
        long[] values = {0, 9, 10, 30, 50, 51, 101, 1000};
        for (Complexity complexity : Complexity.values()) {
            for (long files : values) {
                for (long calls : values) {
                    WorkflowPlan plan = WorkflowPlan.of(new ProjectInspection(files, calls, complexity,
                            Source.PROJECT_CONFIG), "main", 5, RoleEstimates.heuristic());

                    assertThat(plan.agents()).hasSize(plan.allocation().agents());
                    for (PlanRole role : List.of(PlanRole.SETUP, PlanRole.PR)) {
                        assertThat(plan.agents().stream().filter(a -> a.plays(role))).hasSize(1);
                    }
                    assertThat(plan.agents().stream().filter(a -> a.plays(PlanRole.SIMULATION))).isNotEmpty();
                    assertThat(plan.agents().stream().mapToLong(PlannedAgent::estimatedTokens).sum())
                            .isEqualTo(plan.estimatedTokens());
                    assertThat(new HashSet<>(plan.branches())).hasSameSizeAs(plan.branches());
                    assertThat(plan.branches()).startsWith("main");
                    assertThat(plan.agents()).allMatch(a -> a.callsPerMinute() == 5 && a.contextTokens() == 8_000);
                }
            }
        }
    }

    @Test
    void the_estimates_come_from_the_estimator_per_role_and_complexity() {
        RoleEstimates estimates = (role, complexity) -> switch (role) {
            case SETUP -> 700;
            case PR -> 300;
            case SIMULATION -> complexity == Complexity.VERY_COMPLEX ? 20_000 : 1;
        };
        // 30 files, 40 calls, very complex: three agents (setup, PR, one simulation)
        WorkflowPlan plan = WorkflowPlan.of(new ProjectInspection(30, 40, Complexity.VERY_COMPLEX,
                Source.PROJECT_CONFIG), "trunk", 7, estimates);

        assertThat(plan.agents()).extracting(PlannedAgent::id).containsExactly("setup", "pr", "simulation-1");
        assertThat(plan.agents()).extracting(PlannedAgent::estimatedTokens).containsExactly(700L, 600L, 800_000L);
        assertThat(plan.phase0Tokens()).isEqualTo(1_300);
        assertThat(plan.phase0Share()).isCloseTo(1_300.0 / 801_300, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(plan.branches()).containsExactly("trunk", "token-gov/simulation-1");
    }

    @Test
    void the_work_is_split_evenly_over_the_simulation_agents() {
        WorkflowPlan plan = WorkflowPlan.of(new ProjectInspection(200, 7, Complexity.SIMPLE, Source.WORKING_TREE),
                "main", 5, (role, complexity) -> role == PlanRole.SIMULATION ? 1 : 0);

        assertThat(plan.agents()).hasSize(4);
        long[] work = plan.agents().stream().filter(a -> a.plays(PlanRole.SIMULATION))
                .mapToLong(PlannedAgent::estimatedTokens).toArray();
        assertThat(Arrays.stream(work).sum()).isEqualTo(7);
        assertThat(Arrays.stream(work).max().getAsLong() - Arrays.stream(work).min().getAsLong()).isLessThanOrEqualTo(1);
    }

    @Test
    void a_single_agent_plays_every_role() {
        WorkflowPlan plan = WorkflowPlan.of(new ProjectInspection(3, 4, Complexity.COMPLEX, Source.WORKING_TREE),
                "main", 5, RoleEstimates.heuristic());

        assertThat(plan.agents()).singleElement().satisfies(agent -> {
            assertThat(agent.roles()).containsExactly(PlanRole.SETUP, PlanRole.PR, PlanRole.SIMULATION);
            assertThat(agent.id()).isEqualTo("setup+pr+simulation");
            // 4 work tasks of 3,000 + setup 500 + 2 PRs of 500
            assertThat(agent.estimatedTokens()).isEqualTo(4 * 3_000 + 500 + 2 * 500);
        });
    }
}

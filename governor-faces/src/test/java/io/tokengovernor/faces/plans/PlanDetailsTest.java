package io.tokengovernor.faces.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import org.junit.jupiter.api.Test;

class PlanDetailsTest {

    private static final String PLAN = """
            {"inspection":{"fileCount":30,"apiCalls":40,"taskComplexity":"COMPLEX","source":"PROJECT_CONFIG"},
             "allocation":{"band":"TWO_TO_THREE","agents":3,"reason":"30 files, 40 API calls"},
             "repository":"octocat/plans","defaultBranch":"main","branches":["main","token-gov/simulation-1"],
             "agents":[
              {"id":"setup","roles":["SETUP"],"branch":"main","estimatedTokens":500,"callsPerMinute":5,"contextTokens":8000},
              {"id":"pr","roles":["PR"],"branch":"main","estimatedTokens":1000,"callsPerMinute":5,"contextTokens":8000},
              {"id":"simulation-1","roles":["SIMULATION"],"branch":"token-gov/simulation-1","estimatedTokens":120000,
               "callsPerMinute":5,"contextTokens":8000}],
             "estimatedTokens":121500,"phase0Tokens":1500,"phase0Share":0.0123,"estimateSource":"HEURISTIC",
             "projectId":"0b6f1e1e-0000-4000-8000-000000000001","version":2}""";

    @Test
    void a_stored_plan_is_read_with_its_agents_roles_branches_and_estimates() {
        PlanDetails plan = PlanDetails.parse(PLAN);

        assertThat(plan.inspection().toCore()).isEqualTo(
                new ProjectInspection(30, 40, Complexity.COMPLEX, ProjectInspection.Source.PROJECT_CONFIG));
        assertThat(plan.agents()).extracting(PlanDetails.Agent::id).containsExactly("setup", "pr", "simulation-1");
        assertThat(plan.agents().get(2).roles()).containsExactly("SIMULATION");
        assertThat(plan.agents().get(2).branch()).isEqualTo("token-gov/simulation-1");
        assertThat(plan.agents().get(0).callsPerMinute()).isEqualTo(5);
        assertThat(plan.branches()).containsExactly("main", "token-gov/simulation-1");
        assertThat(plan.repository()).isEqualTo("octocat/plans");
        assertThat(plan.workTokens()).isEqualTo(120_000);
        assertThat(plan.phase0ShareOrComputed()).isEqualTo(0.0123);
        assertThat(plan.estimateSourceLabel()).contains("heuristic");
    }

    @Test
    void optional_fields_may_be_absent_and_the_phase_0_share_is_then_computed() {
        PlanDetails plan = PlanDetails.parse("""
                {"inspection":{"fileCount":3,"apiCalls":4,"taskComplexity":"SIMPLE","source":"WORKING_TREE"},
                 "defaultBranch":"main","branches":["main"],
                 "agents":[{"id":"setup+pr+simulation","roles":["SETUP","PR","SIMULATION"],"branch":"main",
                   "estimatedTokens":4000,"callsPerMinute":5,"contextTokens":8000}],
                 "estimatedTokens":4000,"phase0Tokens":1000}""");

        assertThat(plan.allocation()).isNull();
        assertThat(plan.repository()).isNull();
        assertThat(plan.phase0ShareOrComputed()).isEqualTo(0.25);
        assertThat(plan.estimateSourceLabel()).isEqualTo("not stated");
        assertThat(plan.inspection().sourceLabel()).contains("working tree");
    }

    @Test
    void a_document_that_is_not_a_plan_is_refused_with_a_reason() {
        assertThatThrownBy(() -> PlanDetails.parse("{\"agents\":[]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no inspection");
        assertThatThrownBy(() -> PlanDetails.parse("[1,2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a workflow plan");
    }

    @Test
    void each_role_has_its_own_colour() {
        assertThat(PlanDetails.roleSeverity("SETUP")).isEqualTo("info");
        assertThat(PlanDetails.roleSeverity("PR")).isEqualTo("warning");
        assertThat(PlanDetails.roleSeverity("SIMULATION")).isEqualTo("success");
    }
}

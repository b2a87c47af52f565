package io.tokengovernor.core.simulation;

import io.tokengovernor.core.budget.BudgetWindow;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyFileTest {

    @Test
    void a_policy_file_sets_budgets_window_thresholds_grace_and_scheduler_rules() {
        Policy policy = PolicyFile.read("""
                {"taskBudget": 200000, "projectBudget": 2000000, "window": "rolling_5h", "timezone": "Europe/Paris",
                 "threshold": 0.8, "thresholdMin": 0.6, "thresholdMax": 0.9, "checkpointGraceSeconds": 30,
                 "scheduler": {"safetyFactor": 1.5, "resumesPerMinute": 4}}""");

        assertThat(policy.taskBudget()).isEqualTo(200_000);
        assertThat(policy.projectBudget()).isEqualTo(2_000_000);
        assertThat(policy.window()).isEqualTo(BudgetWindow.ROLLING_5H);
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(policy.thresholds().defaultThreshold()).isEqualTo(0.8);
        assertThat(policy.thresholds().min()).isEqualTo(0.6);
        assertThat(policy.checkpointGraceSeconds()).isEqualTo(30);
        assertThat(policy.rules().safetyFactor()).isEqualTo(1.5);
        assertThat(policy.rules().resumesPerMinute()).isEqualTo(4);
    }

    @Test
    void absent_keys_keep_their_defaults() {
        Policy policy = PolicyFile.read("{\"taskBudget\": 1000}");

        assertThat(policy).isEqualTo(Policy.of(1000, 0));
    }

    @Test
    void every_problem_of_a_bad_file_is_reported_at_once() {
        InvalidPolicy invalid = catchThrowableOfType(InvalidPolicy.class, () -> PolicyFile.read("""
                {"taskBudget": -5, "window": "hourly", "timezone": "Mars/Base", "threshold": 1.5,
                 "colour": "red", "scheduler": {"safetyFactor": 0.5}}"""));

        assertThat(invalid.problems()).hasSize(7).anySatisfy(p -> assertThat(p).startsWith("taskBudget:"))
                .anySatisfy(p -> assertThat(p).startsWith("window:").contains("ROLLING_5H"))
                .anySatisfy(p -> assertThat(p).startsWith("timezone:"))
                .anySatisfy(p -> assertThat(p).startsWith("threshold:"))
                .anySatisfy(p -> assertThat(p).startsWith("colour: unknown key"))
                .anySatisfy(p -> assertThat(p).startsWith("scheduler.safetyFactor:"))
                .anySatisfy(p -> assertThat(p).contains("at least one budget"));
    }

    @Test
    void a_file_that_is_not_json_says_where() {
        InvalidPolicy invalid = catchThrowableOfType(InvalidPolicy.class, () -> PolicyFile.read("{\"taskBudget\": }"));

        assertThat(invalid.getMessage()).contains("not valid JSON at line 1");
    }

    @Test
    void a_policy_without_any_budget_is_rejected() {
        assertThat(catchThrowableOfType(InvalidPolicy.class, () -> Policy.of(0, 0)).getMessage())
                .contains("task budget or a project budget");
    }
}

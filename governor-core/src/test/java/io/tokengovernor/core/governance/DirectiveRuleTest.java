package io.tokengovernor.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DirectiveRuleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final DirectiveRule.ProjectRoom ROOMY = new DirectiveRule.ProjectRoom(1_000_000, 0,
            ThresholdSettings.DEFAULTS);

    private static DirectiveRule.Standing task(TaskState state, long used, CheckpointState checkpoint, Instant due) {
        return new DirectiveRule.Standing("t", state, new TokenBalance(1_000, used, 0), checkpoint, due, 3_000);
    }

    @Test
    void a_stopped_task_is_told_to_pause_whatever_its_budget() {
        assertThat(DirectiveRule.evaluate(task(TaskState.QUEUED, 0, CheckpointState.NONE, null), 0.9, 0, ROOMY)
                .reason()).isEqualTo("the task is QUEUED; it may not spend tokens");
    }

    @Test
    void a_spent_project_window_or_a_due_pause_means_pause_even_within_the_task_budget() {
        DirectiveRule.ProjectRoom spent = new DirectiveRule.ProjectRoom(500, 500, ThresholdSettings.DEFAULTS);
        assertThat(DirectiveRule.evaluate(task(TaskState.RUNNING, 10, CheckpointState.NONE, null), 0.9, 0, spent)
                .action()).isEqualTo(DirectiveAction.PAUSE);
        assertThat(DirectiveRule.evaluate(task(TaskState.RUNNING, 10, CheckpointState.NONE, T0), 0.9, 0, ROOMY)
                .reason()).startsWith("a pause is due since");
    }

    @Test
    void the_project_threshold_asks_for_a_checkpoint_one_typical_step_before_the_window_ends() {
        DirectiveRule.ProjectRoom room = new DirectiveRule.ProjectRoom(10_000, 8_000, ThresholdSettings.DEFAULTS);
        // step 2,000 → project threshold max(0.5, min(0.9, 1 − 0.2)) = 0.8: 8,000 of 10,000 reaches it
        assertThat(DirectiveRule.evaluate(task(TaskState.RUNNING, 10, CheckpointState.NONE, null), 0.9, 2_000, room)
                .action()).isEqualTo(DirectiveAction.CHECKPOINT);
        assertThat(DirectiveRule.evaluate(task(TaskState.RUNNING, 10, CheckpointState.SAVED, null), 0.9, 2_000, room)
                .action()).isEqualTo(DirectiveAction.CONTINUE);
    }

    @Test
    void a_new_window_starts_a_cycle_unless_the_task_budget_still_asks() {
        assertThat(DirectiveRule.newWindowStartsCycle(task(TaskState.RUNNING, 100, CheckpointState.REQUESTED, null),
                T0, T0.plusSeconds(1), 0.9)).isTrue();
        assertThat(DirectiveRule.newWindowStartsCycle(task(TaskState.RUNNING, 950, CheckpointState.REQUESTED, null),
                T0, T0.plusSeconds(1), 0.9)).isFalse();
        assertThat(DirectiveRule.newWindowStartsCycle(task(TaskState.RUNNING, 100, CheckpointState.REQUESTED, null),
                T0, T0, 0.9)).isFalse();
    }

    @Test
    void the_grace_runs_from_the_request_and_a_refusal_names_its_level() {
        assertThat(DirectiveRule.withinGrace(CheckpointState.REQUESTED, T0, Duration.ofSeconds(60),
                T0.plusSeconds(59))).isTrue();
        assertThat(DirectiveRule.withinGrace(CheckpointState.REQUESTED, T0, Duration.ofSeconds(60),
                T0.plusSeconds(60))).isFalse();
        assertThat(DirectiveRule.withinGrace(CheckpointState.SAVED, T0, Duration.ofSeconds(60), T0)).isFalse();
        assertThat(DirectiveRule.causeOfRefusal("package budget: not enough tokens left for 5"))
                .isEqualTo(PauseCause.PACKAGE);
        assertThat(DirectiveRule.causeOfRefusal("project budget: …")).isEqualTo(PauseCause.PROJECT);
    }
}

package io.tokengovernor.core.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.budget.TokenBalance;
import org.junit.jupiter.api.Test;

class EnforcementTest {

    @Test
    void below_the_threshold_the_task_continues() {
        Directive directive = Enforcement.directive("t", new TokenBalance(1000, 500, 100), 0.9, false, 1000);

        assertThat(directive.action()).isEqualTo(DirectiveAction.CONTINUE);
        assertThat(directive.remainingEstimate()).isEqualTo(500);
    }

    @Test
    void reserved_tokens_count_towards_the_threshold() {
        Directive directive = Enforcement.directive("t", new TokenBalance(1000, 800, 100), 0.9, false, 1000);

        assertThat(directive.action()).isEqualTo(DirectiveAction.CHECKPOINT);
    }

    @Test
    void a_saved_checkpoint_lets_the_task_continue_until_the_budget_is_spent() {
        assertThat(Enforcement.directive("t", new TokenBalance(1000, 950, 0), 0.9, true, 1000).action())
                .isEqualTo(DirectiveAction.CONTINUE);
        assertThat(Enforcement.directive("t", new TokenBalance(1000, 1000, 0), 0.9, true, 1000).action())
                .isEqualTo(DirectiveAction.PAUSE);
    }

    @Test
    void crossing_is_detected_once() {
        assertThat(Enforcement.crossed(new TokenBalance(1000, 800, 0), new TokenBalance(1000, 900, 0), 0.9)).isTrue();
        assertThat(Enforcement.crossed(new TokenBalance(1000, 900, 0), new TokenBalance(1000, 950, 0), 0.9)).isFalse();
    }
}

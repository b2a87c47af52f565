package io.tokengovernor.core.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.core.budget.TokenBalance;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void admission_is_denied_by_the_first_holder_that_lacks_the_tokens() {
        Map<String, TokenBalance> holders = new LinkedHashMap<>();
        holders.put("task", new TokenBalance(5000, 0, 0));
        holders.put("package", new TokenBalance(5000, 4000, 500));
        holders.put("project", new TokenBalance(100, 100, 0));

        Admission.AdmissionDecision decision = Admission.decide(600, holders);

        assertThat(decision.granted()).isFalse();
        assertThat(decision.limitingLevel()).isEqualTo("package");
        assertThat(decision.reason()).contains("500 of 5000");
        assertThat(Admission.decide(500, Map.of("task", new TokenBalance(500, 0, 0))).granted()).isTrue();
        assertThatThrownBy(() -> Admission.decide(0, holders)).isInstanceOf(IllegalArgumentException.class);
    }
}

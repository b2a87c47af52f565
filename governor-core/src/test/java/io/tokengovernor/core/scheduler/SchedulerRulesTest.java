package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchedulerRulesTest {

    @Test
    void the_resume_condition_holds_the_estimate_times_the_safety_factor_in_decimal_arithmetic() {
        SchedulerRules rules = new SchedulerRules(10, 1.2, 2, true, 0.5, 10);

        assertThat(rules.tokensToResume(100)).isEqualTo(120);
        assertThat(rules.tokensToResume(101)).isEqualTo(122);
        assertThat(rules.tokensToResume(0)).isZero();
    }

    @Test
    void a_huge_estimate_saturates_instead_of_overflowing() {
        assertThat(SchedulerRules.DEFAULTS.tokensToResume(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void one_project_may_take_the_rounded_up_share_of_the_slots_and_at_least_one() {
        SchedulerRules rules = new SchedulerRules(10, 1.2, 2, true, 0.7, 10);

        assertThat(rules.projectCap(10)).isEqualTo(7);
        assertThat(rules.projectCap(3)).isEqualTo(3);
        assertThat(new SchedulerRules(10, 1.2, 2, true, 0.1, 10).projectCap(1)).isEqualTo(1);
    }

    @Test
    void aging_hours_may_be_fractional() {
        assertThat(new SchedulerRules(10, 1.2, 0.5, true, 0.5, 10).aging()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void rules_built_in_code_are_checked_like_a_file() {
        assertThatThrownBy(() -> new SchedulerRules(0, 0.9, 2, true, 0.5, 10))
                .isInstanceOfSatisfying(InvalidSchedulerRules.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::field).containsExactly("resumesPerMinute", "safetyFactor"));
    }
}

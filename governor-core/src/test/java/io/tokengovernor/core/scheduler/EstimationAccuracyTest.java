package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimationAccuracyTest {

    @Test
    void the_mape_averages_the_error_relative_to_what_was_actually_used() {
        // 1000 for 800: 25 %; 1000 for 2000: 50 %
        assertThat(EstimationAccuracy.mape(List.of(1_000L, 1_000L), List.of(800L, 2_000L)).getAsDouble())
                .isCloseTo(0.375, within(1e-9));
    }

    @Test
    void tasks_that_used_no_tokens_are_left_out() {
        assertThat(EstimationAccuracy.mape(List.of(500L, 1_000L), List.of(0L, 1_000L)).getAsDouble()).isZero();
    }

    @Test
    void without_usage_there_is_no_mape() {
        assertThat(EstimationAccuracy.mape(List.of(), List.of())).isEmpty();
        assertThat(EstimationAccuracy.mape(List.of(10L), List.of(0L))).isEmpty();
    }

    @Test
    void estimates_and_actuals_must_pair_up() {
        assertThatThrownBy(() -> EstimationAccuracy.mape(List.of(1L, 2L), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

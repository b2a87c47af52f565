package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tokengovernor.core.registry.Complexity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalEstimateTest {

    @Test
    void five_similar_tasks_give_their_median_and_p75() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(500L, 100L, 400L, 200L, 300L), Complexity.SIMPLE);

        assertThat(estimate.source()).isEqualTo(HistoricalEstimate.Source.HISTORY);
        assertThat(estimate.median()).isEqualTo(300);
        assertThat(estimate.p75()).isEqualTo(400);
        assertThat(estimate.samples()).isEqualTo(5);
    }

    @Test
    void the_expected_error_is_the_mape_the_median_had_on_the_history() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(100L, 200L, 300L, 400L, 500L), Complexity.SIMPLE);

        // |300−100|/100 + |300−200|/200 + 0 + |300−400|/400 + |300−500|/500 = 2 + 0.5 + 0.25 + 0.4
        assertThat(estimate.expectedError()).isCloseTo(3.15 / 5, within(1e-9));
    }

    @Test
    void a_steady_history_has_no_expected_error() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(2_000L, 2_000L, 2_000L, 2_000L, 2_000L),
                Complexity.COMPLEX);

        assertThat(estimate.expectedError()).isZero();
    }

    @Test
    void with_fewer_than_five_samples_the_complexity_heuristic_is_used_and_said_so() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(100L, 200L, 300L, 400L), Complexity.VERY_COMPLEX);

        assertThat(estimate.source()).isEqualTo(HistoricalEstimate.Source.HEURISTIC);
        assertThat(estimate.median()).isEqualTo(10_000);
        assertThat(estimate.p75()).isEqualTo(10_000);
        assertThat(estimate.samples()).isEqualTo(4);
    }

    @Test
    void the_heuristic_error_is_measured_on_the_few_samples_there_are() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(1_000L), Complexity.SIMPLE);

        assertThat(estimate.expectedError()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void without_history_or_complexity_the_default_complexity_applies_and_the_error_is_unknown() {
        HistoricalEstimate estimate = HistoricalEstimate.of(List.of(), null);

        assertThat(estimate.median()).isEqualTo(Complexity.COMPLEX.typicalTokens());
        assertThat(estimate.expectedError()).isNull();
    }

    @Test
    void negative_actual_tokens_are_refused() {
        assertThatThrownBy(() -> HistoricalEstimate.of(List.of(-1L, 5L), Complexity.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tokengovernor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskEstimateTest {

    @ParameterizedTest
    @CsvSource({"0,SIMPLE", "999,SIMPLE", "1000,COMPLEX", "5000,COMPLEX", "5001,VERY_COMPLEX", "250000,VERY_COMPLEX"})
    void an_estimate_alone_falls_into_its_design_band(long tokens, Complexity expected) {
        assertThat(TaskEstimate.of(null, tokens)).isEqualTo(new TaskEstimate(expected, tokens));
    }

    @ParameterizedTest
    @CsvSource({"SIMPLE,500", "COMPLEX,3000", "VERY_COMPLEX,10000"})
    void a_complexity_alone_takes_the_typical_size_of_its_band(Complexity complexity, long expected) {
        TaskEstimate estimate = TaskEstimate.of(complexity, null);

        assertThat(estimate.estimatedTokens()).isEqualTo(expected);
        assertThat(Complexity.ofEstimate(estimate.estimatedTokens())).isEqualTo(complexity);
    }

    @Test
    void nothing_known_means_a_complex_task() {
        assertThat(TaskEstimate.of(null, null)).isEqualTo(new TaskEstimate(Complexity.COMPLEX, 3_000));
    }

    @Test
    void what_the_client_said_is_kept_even_when_it_disagrees_with_the_bands() {
        assertThat(TaskEstimate.of(Complexity.SIMPLE, 40_000L)).isEqualTo(new TaskEstimate(Complexity.SIMPLE, 40_000));
    }

    @Test
    void a_negative_estimate_is_refused() {
        assertThatThrownBy(() -> TaskEstimate.of(null, -1L)).isInstanceOf(IllegalArgumentException.class);
    }
}

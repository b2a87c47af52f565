package io.tokengovernor.core.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

    private final ThresholdSettings settings = new ThresholdSettings(0.9, 0.5, 0.95);

    @Test
    void small_steps_keep_the_default_threshold() {
        assertThat(AdaptiveThreshold.forTask(100_000, 2_000, settings)).isEqualTo(0.9);
    }

    @Test
    void a_large_typical_step_lowers_the_threshold_so_one_step_still_fits() {
        double threshold = AdaptiveThreshold.forTask(100_000, 25_000, settings);

        assertThat(threshold).isCloseTo(0.75, within(1e-9));
        assertThat((1 - threshold) * 100_000).isGreaterThanOrEqualTo(25_000);
    }

    @Test
    void the_threshold_never_falls_below_the_configured_minimum() {
        assertThat(AdaptiveThreshold.forTask(10_000, 9_000, settings)).isEqualTo(0.5);
    }

    @Test
    void without_observations_the_default_applies() {
        assertThat(AdaptiveThreshold.forTask(10_000, 0, settings)).isEqualTo(0.9);
        assertThat(AdaptiveThreshold.forTask(0, 500, settings)).isEqualTo(0.9);
    }

    @Test
    void inconsistent_bounds_are_refused() {
        assertThatThrownBy(() -> new ThresholdSettings(0.9, 0.95, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdSettings(0.9, 0.5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void p90_is_the_nearest_rank_percentile() {
        long[] calls = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};

        assertThat(StepStatistics.p90(calls)).isEqualTo(900);
        assertThat(StepStatistics.p90(new long[] {42})).isEqualTo(42);
        assertThat(StepStatistics.p90(new long[0])).isZero();
    }
}

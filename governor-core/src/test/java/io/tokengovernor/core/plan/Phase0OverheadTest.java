package io.tokengovernor.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Phase0OverheadTest {

    @Test
    void setup_and_pr_tasks_are_phase_0_and_everything_else_is_work() {
        Map<String, Long> tokens = new HashMap<>();
        tokens.put("setup", 300L);
        tokens.put("PR", 500L);
        tokens.put("coder", 40_000L);
        tokens.put("simulation", 10_000L);
        tokens.put(null, 10_000L);

        Phase0Overhead overhead = Phase0Overhead.of(tokens);

        assertThat(overhead).isEqualTo(new Phase0Overhead(800, 60_000));
        assertThat(overhead.share()).isCloseTo(0.013333, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(overhead.withinTarget()).isTrue();
        assertThat(overhead.shareText()).isEqualTo("1.33 %");
    }

    @Test
    void two_percent_is_already_over_the_target() {
        assertThat(new Phase0Overhead(2_000, 100_000).withinTarget()).isFalse();
        assertThat(new Phase0Overhead(1_999, 100_000).withinTarget()).isTrue();
    }

    @Test
    void nothing_spent_is_within_and_phase_0_without_work_is_not() {
        assertThat(new Phase0Overhead(0, 0).withinTarget()).isTrue();
        assertThat(new Phase0Overhead(10, 0).withinTarget()).isFalse();
        assertThat(new Phase0Overhead(10, 0).shareText()).isEqualTo("no work yet");
    }
}

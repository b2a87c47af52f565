package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueuedWorkTest {

    @Test
    void only_tiers_one_and_two_exist() {
        assertThatThrownBy(() -> Queued.task("t").tier(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier");
    }

    @Test
    void a_negative_remaining_estimate_is_refused() {
        assertThatThrownBy(() -> Queued.task("t").remaining(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remaining");
    }
}

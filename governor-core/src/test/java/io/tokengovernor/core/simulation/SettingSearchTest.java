package io.tokengovernor.core.simulation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingSearchTest {

    /** 30 calls of 50 tokens a minute apart against a 1000-token task budget with five minutes of grace. */
    private static Replay steadyTask() {
        List<Call> calls = new ArrayList<>();
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 30; i++) {
            calls.add(new Call(start.plusSeconds(60L * i), "p", "s", 50));
        }
        return new Replay(calls);
    }

    @Test
    void the_search_tries_every_threshold_and_safety_factor() {
        SettingSearch.Result result = SettingSearch.search(steadyTask(), Policy.of(1000, 0).withGrace(300));

        assertThat(SettingSearch.THRESHOLDS).hasSize(10).startsWith(0.5).endsWith(0.95);
        assertThat(SettingSearch.SAFETY_FACTORS).hasSize(11).startsWith(1.0).endsWith(2.0);
        assertThat(result.trials()).hasSize(110);
    }

    @Test
    void the_best_setting_is_the_latest_checkpoint_that_still_leaves_time_to_save_it() {
        SettingSearch.Result result = SettingSearch.search(steadyTask(), Policy.of(1000, 0).withGrace(300));

        assertThat(result.reachesZeroOvershoot()).isTrue();
        assertThat(result.best().threshold()).isEqualTo(0.80);
        assertThat(result.best().safetyFactor()).isEqualTo(1.0);
        assertThat(result.trials()).filteredOn(trial -> trial.threshold() == 0.95)
                .allSatisfy(trial -> assertThat(trial.report().overshootTokens()).isEqualTo(150));
    }

    @Test
    void when_no_setting_avoids_overshoot_the_least_overshoot_wins() {
        SettingSearch.Result result = SettingSearch.search(steadyTask(), Policy.of(1000, 0).withGrace(900),
                List.of(0.5, 0.9), List.of(1.0));

        assertThat(result.reachesZeroOvershoot()).isFalse();
        assertThat(result.best().threshold()).isEqualTo(0.5);
        assertThat(result.best().report().overshootTokens()).as("calls at minutes 20-23").isEqualTo(200);
    }
}

package io.tokengovernor.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernorClockTest {

    @TempDir
    Path output;

    private String previousOutput;

    @BeforeEach
    void serverOutputInATemporaryFolder() {
        previousOutput = System.getProperty("server.output.dir");
        System.setProperty("server.output.dir", output.toString());
    }

    @AfterEach
    void restoreOutput() {
        if (previousOutput == null) {
            System.clearProperty("server.output.dir");
        } else {
            System.setProperty("server.output.dir", previousOutput);
        }
    }

    private static GovernorClock clock(boolean adjustable) {
        GovernorClock clock = new GovernorClock();
        clock.adjustable = adjustable;
        clock.restore();
        return clock;
    }

    @Test
    void a_normal_clock_follows_the_system_in_whole_milliseconds_and_refuses_to_move() {
        GovernorClock governor = clock(false);
        Instant before = Instant.now().minusMillis(1);

        Instant now = governor.clock().instant();

        assertThat(now).isBetween(before, Instant.now().plusMillis(1));
        assertThat(now.getNano() % 1_000_000).isZero();
        assertThatThrownBy(() -> governor.moveTo(now.plusSeconds(60), false)).isInstanceOf(ConflictException.class);
        assertThat(output.resolve("clock.offset")).doesNotExist();
    }

    @Test
    void a_frozen_clock_stands_at_its_target_and_runs_on_from_there_when_released() throws Exception {
        GovernorClock governor = clock(true);
        Clock clock = governor.clock();
        Instant target = clock.instant().plus(Duration.ofDays(3));

        governor.moveTo(target, true);
        Thread.sleep(5);

        assertThat(clock.instant()).isEqualTo(target.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(governor.frozen()).isTrue();
        governor.moveTo(clock.instant(), false);
        assertThat(governor.frozen()).isFalse();
        assertThat(clock.instant()).isAfterOrEqualTo(target.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(governor.offset()).isBetween(Duration.ofDays(3).minusSeconds(2), Duration.ofDays(3).plusSeconds(2));
    }

    @Test
    void the_clock_never_moves_back_and_keeps_its_offset_across_a_restart() throws Exception {
        GovernorClock governor = clock(true);
        Instant ahead = governor.clock().instant().plus(Duration.ofHours(30));
        governor.moveTo(ahead, false);

        assertThatThrownBy(() -> governor.moveTo(ahead.minusSeconds(3600), false))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only moves forward");
        assertThat(Files.readString(output.resolve("clock.offset")).strip()).matches("\\d+");

        GovernorClock restarted = clock(true);
        assertThat(restarted.clock().instant()).isAfterOrEqualTo(ahead);
    }

    @Test
    void freezing_answers_the_instant_it_stopped_at() {
        GovernorClock governor = clock(true);

        Instant stopped = governor.freeze();

        assertThat(governor.clock().instant()).isEqualTo(stopped);
        assertThat(governor.freeze()).as("freezing a frozen clock keeps it where it is").isEqualTo(stopped);
    }
}

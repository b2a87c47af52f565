package io.tokengovernor.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernedCallsTest {

    /** A clock that moves only when the limiter waits. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @Test
    void an_agent_makes_at_most_its_calls_a_minute() throws IOException {
        ManualTime time = new ManualTime();
        List<Duration> waits = new ArrayList<>();
        GovernedCalls calls = new GovernedCalls(5, time, wait -> {
            waits.add(wait);
            time.nanos += wait.toNanos();
        }, Duration.ofMillis(1));

        for (int i = 0; i < 15; i++) {
            calls.call(() -> "ok");
        }

        assertThat(calls.calls()).isEqualTo(15);
        assertThat(Duration.ofNanos(time.nanos)).as("15 calls at 5 a minute: the last 10 wait two minutes in all")
                .isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
        assertThat(waits).hasSize(10);
    }

    @Test
    void only_failures_worth_retrying_are_retried() {
        assertThat(GovernedCalls.worthRetrying(new java.net.ConnectException("refused"))).isTrue();
        assertThat(GovernedCalls.worthRetrying(new org.kohsuke.github.HttpException("x", 502, "Bad Gateway", "u")))
                .isTrue();
        assertThat(GovernedCalls.worthRetrying(new org.kohsuke.github.HttpException("x", 422, "Unprocessable", "u")))
                .isFalse();
        assertThat(GovernedCalls.worthRetrying(new org.kohsuke.github.GHFileNotFoundException("404"))).isFalse();
        assertThat(GovernedCalls.worthRetrying(new java.io.InterruptedIOException())).isFalse();
        assertThat(GovernedCalls.worthRetrying(new IllegalStateException())).isFalse();
    }
}

package io.tokengovernor.cli.setup;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * A Phase 0 agent's external calls: at most {@code callsPerMinute} a minute (a token bucket, Bucket4j), and each
 * call retried up to 3 times with exponential backoff and jitter (Failsafe) when the connection fails or the server
 * answers 5xx. A 4xx is an answer, never retried here (GitHub's rate limits are waited out by github-api's own
 * handlers, which honour {@code Retry-After}).
 */
public final class GovernedCalls {

    /** A call that may fail with an I/O error. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /** Waits; tests record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int RETRIES = 3;

    private final Bucket bucket;
    private final Sleeper sleeper;
    private final RetryPolicy<Object> retries;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();

    public GovernedCalls(int callsPerMinute) {
        this(callsPerMinute, TimeMeter.SYSTEM_NANOTIME, wait -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait.toNanos()),
                Duration.ofMillis(500));
    }

    GovernedCalls(int callsPerMinute, TimeMeter time, Sleeper sleeper, Duration firstBackoff) {
        this.bucket = Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(callsPerMinute)
                        .refillGreedy(callsPerMinute, Duration.ofMinutes(1)).build())
                .build();
        this.sleeper = sleeper;
        this.retries = RetryPolicy.builder().handleIf(GovernedCalls::worthRetrying).withMaxRetries(RETRIES)
                .withBackoff(firstBackoff, firstBackoff.multipliedBy(16)).withJitter(0.25)
                .onRetry(event -> retried.incrementAndGet()).build();
    }

    /** Runs a call within the rate limit, retrying what is worth retrying; the last failure is thrown. */
    public <T> T call(Call<T> call) throws IOException {
        try {
            return Failsafe.with(retries).get(() -> {
                awaitPermit();
                calls.incrementAndGet();
                return call.run();
            });
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Calls made, retries included. */
    public int calls() {
        return calls.get();
    }

    /** Retries made. */
    public int retried() {
        return retried.get();
    }

    private void awaitPermit() throws InterruptedIOException {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        while (!probe.isConsumed()) {
            try {
                sleeper.sleep(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate limit");
            }
            probe = bucket.tryConsumeAndReturnRemaining(1);
        }
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof GHFileNotFoundException) {
            return false;
        }
        if (failure instanceof HttpException http) {
            return http.getResponseCode() >= 500 || http.getResponseCode() == -1;
        }
        return failure instanceof IOException && !(failure instanceof InterruptedIOException);
    }
}

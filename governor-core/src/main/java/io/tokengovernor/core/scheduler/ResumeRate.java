package io.tokengovernor.core.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The resume rate limit as a sliding window: at most {@code resumesPerMinute} resumes in any 60 seconds.
 * A resume at {@code t} counts while {@code now − t < 60 s}.
 */
public final class ResumeRate {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    private ResumeRate() {
    }

    /** How many resumes may still happen at {@code now}. */
    public static int slotsLeft(Collection<Instant> recentResumes, int resumesPerMinute, Instant now) {
        long inWindow = recentResumes.stream().filter(at -> counts(at, now)).count();
        return (int) Math.max(0, resumesPerMinute - inWindow);
    }

    /** Convenience for {@link #slotsLeft(Collection, int, Instant)} with the rules' limit. */
    public static int slotsLeft(Collection<Instant> recentResumes, SchedulerRules rules, Instant now) {
        return slotsLeft(recentResumes, rules.resumesPerMinute(), now);
    }

    /**
     * When the next slot frees up if none is left now, so the timer can run the next pass then; empty when a
     * slot is free already.
     */
    public static Optional<Instant> nextSlotAt(Collection<Instant> recentResumes, int resumesPerMinute, Instant now) {
        if (slotsLeft(recentResumes, resumesPerMinute, now) > 0) {
            return Optional.empty();
        }
        long toExpire = recentResumes.stream().filter(at -> counts(at, now)).count() - resumesPerMinute;
        return recentResumes.stream().filter(at -> counts(at, now)).sorted().skip(toExpire)
                .findFirst().map(at -> at.plus(WINDOW));
    }

    private static boolean counts(Instant resumedAt, Instant now) {
        return resumedAt.isAfter(now.minus(WINDOW));
    }
}

package io.tokengovernor.core.scheduler;

import java.util.OptionalDouble;

/**
 * How often a resume was right: the share of resumed tasks that went on without being paused again.
 * A task paused again soon after its resume was resumed too early, with too few tokens for what it needed.
 */
public final class ResumeAccuracy {

    private ResumeAccuracy() {
    }

    /** @return empty when nothing was resumed yet */
    public static OptionalDouble share(long resumedTasks, long pausedAgainAfterResume) {
        if (resumedTasks < 0 || pausedAgainAfterResume < 0 || pausedAgainAfterResume > resumedTasks) {
            throw new IllegalArgumentException("paused again must be between 0 and the resumed tasks, got "
                    + pausedAgainAfterResume + " of " + resumedTasks);
        }
        if (resumedTasks == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (resumedTasks - pausedAgainAfterResume) / resumedTasks);
    }
}

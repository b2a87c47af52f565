package io.tokengovernor.core.scheduler;

import java.util.List;
import java.util.Map;

/**
 * What a scheduler pass decided: the work to resume, in the order to resume it, and for every other
 * queued item why it stays queued.
 *
 * @param tokensLeft each project's available tokens after the resumes' holds were deducted
 */
public record ResumeDecision(List<Resume> resumed, List<Skip> skipped, Map<String, Long> tokensLeft) {

    public ResumeDecision {
        resumed = List.copyOf(resumed);
        skipped = List.copyOf(skipped);
        tokensLeft = Map.copyOf(tokensLeft);
    }

    /** The resumed work alone, in resume order. */
    public List<QueuedWork> work() {
        return resumed.stream().map(Resume::work).toList();
    }

    /**
     * One resume.
     *
     * @param tokensAvailable the project's tokens when the work resumed, recorded to compare with the prediction
     * @param tokensHeld      {@code remainingEstimate × safetyFactor}, deducted for the rest of the pass
     * @param backfill        whether it went ahead of blocked work of its project
     */
    public record Resume(QueuedWork work, long tokensAvailable, long tokensHeld, boolean backfill) {
    }

    /** Queued work that stays queued, and why. */
    public record Skip(QueuedWork work, SkipReason reason) {
    }
}

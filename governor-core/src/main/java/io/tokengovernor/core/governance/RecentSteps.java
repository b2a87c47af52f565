package io.tokengovernor.core.governance;

import io.tokengovernor.core.inspector.StepStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest calls of a task or an agent type, by the time they were made (as the ledger's
 * {@code ORDER BY occurred_at DESC LIMIT n}): what the typical step is measured on.
 */
final class RecentSteps {

    private final int capacity;
    /** Oldest first; equal times keep the order of arrival. */
    private final List<Step> steps = new ArrayList<>();

    RecentSteps(int capacity) {
        this.capacity = capacity;
    }

    void add(Instant at, long tokens) {
        int index = steps.size();
        while (index > 0 && steps.get(index - 1).at().isAfter(at)) {
            index--;
        }
        if (index == 0 && steps.size() == capacity) {
            return; // older than everything kept
        }
        steps.add(index, new Step(at, tokens));
        if (steps.size() > capacity) {
            steps.remove(0);
        }
    }

    int size() {
        return steps.size();
    }

    /** The p90 of the calls kept; 0 when there are none. */
    long p90() {
        return StepStatistics.p90(steps.stream().mapToLong(Step::tokens).toArray());
    }

    private record Step(Instant at, long tokens) {
    }
}

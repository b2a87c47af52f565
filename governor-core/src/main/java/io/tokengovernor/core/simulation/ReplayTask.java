package io.tokengovernor.core.simulation;

import io.tokengovernor.core.inspector.StepStatistics;

import java.time.Instant;
import java.util.Arrays;

/** One task's state during a replay. */
final class ReplayTask {

    /** As many calls as the server's inspector looks back on. */
    private static final int STEPS_KEPT = 50;

    final String id;
    final String project;
    /** Tokens spent over the task's whole life (its own budget is not per window). */
    long used;
    /** When the checkpoint of the current cycle was requested, or null. */
    Instant checkpointAt;
    /** When a pending pause takes effect (end of the checkpoint grace), or null. */
    Instant pausingAt;
    boolean paused;
    /** The task's own budget stopped it (spent, or too small for a call): only a raise would bring it back. */
    boolean waitsForRaise;
    Instant queuedAt;
    long prevented;
    private final long[] steps = new long[STEPS_KEPT];
    private int stepCount;

    ReplayTask(String id, String project) {
        this.id = id;
        this.project = project;
    }

    void observe(long tokens) {
        steps[stepCount % STEPS_KEPT] = tokens;
        stepCount++;
    }

    /** The p90 of the task's last calls, the typical step the adaptive threshold leaves room for. */
    long typicalStep() {
        return StepStatistics.p90(Arrays.copyOf(steps, Math.min(stepCount, STEPS_KEPT)));
    }

    /** A new cycle: a fresh window or a resume. */
    void startCycle() {
        checkpointAt = null;
        pausingAt = null;
        waitsForRaise = false;
    }
}

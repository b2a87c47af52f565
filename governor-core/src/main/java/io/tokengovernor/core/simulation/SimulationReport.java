package io.tokengovernor.core.simulation;

import java.time.LocalDate;
import java.util.List;

/**
 * What a replay found.
 *
 * @param overshootPreventedTokens tokens of calls made while their task was paused: what the logs spent past
 *                                 budget that governance would have held back
 * @param overshootTokens          tokens spent past a budget despite governance, during checkpoint grace
 * @param worstTask                the task with the most prevented tokens, or null when none had any
 */
public record SimulationReport(long calls, long tokens, int tasks, int checkpoints, int pauses, int resumes,
        long overshootPreventedTokens, long overshootTokens, String worstTask, long worstTaskTokens,
        List<Day> timeline) {

    public SimulationReport {
        timeline = List.copyOf(timeline);
    }

    /** One day of the timeline, in the policy's zone. {@code tokens} are the tokens actually spent. */
    public record Day(LocalDate date, long tokens, int checkpoints, int pauses, int resumes,
            long overshootPreventedTokens) {
    }
}

package io.tokengovernor.core.simulation;

import java.util.List;

/**
 * Replays logged calls through the server's rules, offline, to answer "what would the governor have done
 * with these logs". The calls are read once; each {@link #under(Policy)} replays them afresh, so the
 * optimiser can try many policies. Deterministic: the same calls and policy give the same report.
 *
 * <p>The replay is the server governing agents that reserve tokens before each call and report usage after it
 * (the logs say what each call spent). The system test {@code SimulationParityIT} sends the same calls to a real
 * server the same way and compares the counts. The rules, in log time:
 * <ul>
 * <li><b>Holders.</b> Each session is one task (its sub-agent files count for it), each log project folder
 *     one project. The project budget counts the tokens spent in the current budget window ({@code NONE}:
 *     ever); a task's own budget counts its whole life, as on the server. A window reset starts a new
 *     checkpoint cycle for every running task.</li>
 * <li><b>Admission.</b> Before a call of a running task, {@code Admission} checks its tokens against the task
 *     and project budgets (the server's reservation). Denied: a pause is due. Granted: the call is spent, and
 *     {@code Enforcement} looks at the task and at the project: CHECKPOINT when the adaptive threshold (from
 *     the p90 of the task's last 50 spent calls) is reached asks for a checkpoint, once per cycle; PAUSE when
 *     a budget is spent exactly makes a pause due.</li>
 * <li><b>Checkpoint grace.</b> A due pause takes effect {@code checkpointGraceSeconds} after the cycle's
 *     checkpoint request (a pause without one requests it at that moment, counted as a checkpoint), or at
 *     once when that is past. Calls until then are spent, the denied one too: the agent finishes its step to
 *     save the checkpoint, and what that spends past a budget is the overshoot <i>despite</i> governance. A
 *     late threshold, or one call larger than what is left, leaves little of the grace before the budget is
 *     gone; {@code checkpointGraceSeconds = 0} makes admission strict. A window reset before the pause takes
 *     effect cancels it, unless the task's own budget is spent.</li>
 * <li><b>Pause.</b> Counted when it takes effect; the task is queued. Its calls while paused are not spent:
 *     they are the tokens the logs spent past budget that governance prevented, summed in total and per
 *     task.</li>
 * <li><b>Resume.</b> A scheduler pass runs at each window reset while work is queued, and the server's interval
 *     timer runs one every {@code passIntervalSeconds} of log time from the first call while work is queued
 *     (ticks that cannot change anything are skipped): {@code ResumePlanner} picks the work in rule order whose project has
 *     {@code remainingEstimate × safetyFactor} tokens (unlimited without a project budget), within the
 *     {@code ResumeRate} limit. The remaining estimate is the server's ({@code QueuedWork.remainingOf}: the
 *     estimate left, at least one typical call) for a task estimated at the phase-0 default (3,000 tokens). A
 *     task stopped by its own budget (spent, or too small for its next call) waits for a raise and is never
 *     resumed. A resumed task starts a new cycle.</li>
 * </ul>
 * After the last call the replay runs on until the last pause in its grace takes effect. At equal times a
 * window reset comes first, then a pause that takes effect, then a pass, then the call.
 */
public final class Replay {

    private final List<Call> calls;

    /** @param calls in time order, as {@link Call#of} gives them */
    public Replay(List<Call> calls) {
        this.calls = List.copyOf(calls);
    }

    public SimulationReport under(Policy policy) {
        ReplayRun run = new ReplayRun(policy);
        calls.forEach(run::call);
        run.finish();
        return run.report(calls.size());
    }
}

package io.tokengovernor.core.simulation;

import java.util.List;

/**
 * Replays logged calls through the server's rules, offline, to answer "what would the governor have done
 * with these logs". The calls are read once; each {@link #under(Policy)} replays them afresh, so the
 * optimiser can try many policies. Deterministic: the same calls and policy give the same report.
 *
 * <p>The replay is the server governing agents that reserve tokens before each call and report usage after it
 * (the logs say what each call spent), and every decision is made by the server's own engine,
 * {@link io.tokengovernor.core.governance.Governor}: nothing here restates a budget rule. The system test
 * {@code SimulationParityIT} sends the same calls to a real server the same way and compares the counts. In log
 * time:
 * <ul>
 * <li><b>Holders.</b> Each session is one task (its sub-agent files count for it, estimated at the phase-0
 *     default of 3,000 tokens), each log project folder one tier-2 project. The policy's task budget is each
 *     task's own budget for its whole life, its project budget the project's per window; a budget the policy does
 *     not set is unlimited.</li>
 * <li><b>A call.</b> A paused or queued task does not call: its tokens are the ones governance prevented. A
 *     running task reserves the call's tokens; a refusal whose directive is PAUSE prevents the call too.
 *     Otherwise the call is spent and reported (settling the reservation when there is one): a refusal while a
 *     checkpoint grace runs answers CHECKPOINT, and the agent finishes its step to save the checkpoint. What that
 *     spends past a budget is the overshoot <i>despite</i> governance; {@code checkpointGraceSeconds = 0} makes
 *     admission strict.</li>
 * <li><b>Checkpoints and pauses</b> are the engine's: a checkpoint request at the adaptive threshold (from the
 *     p90 of the task's last 50 calls), once per cycle; a pause due when a budget is spent or a reservation is
 *     refused, taking effect when the grace counted from the cycle's checkpoint request is over (the server's
 *     sweep runs at that instant); a new budget window starting a new cycle. Counted as the server counts its
 *     checkpoint rows and pause transitions.</li>
 * <li><b>Resume.</b> A scheduler pass runs at each window reset while work is queued, and the server's interval
 *     timer runs one every {@code passIntervalSeconds} of log time from the first call while work is queued
 *     (ticks that cannot change anything are skipped): {@code ResumePlanner} picks the work in rule order whose
 *     project has {@code remainingEstimate × safetyFactor} tokens (unlimited without a project budget), within
 *     the {@code ResumeRate} limit. The remaining estimate is the server's ({@code QueuedWork.remainingOf}). A
 *     task stopped by its own budget waits for a raise and is never resumed. A resumed task starts a new
 *     cycle.</li>
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

package io.tokengovernor.core.simulation;

import java.util.List;

/**
 * Replays logged calls through the server's rules, offline, to answer "what would the governor have done
 * with these logs". The calls are read once; each {@link #under(Policy)} replays them afresh, so the
 * optimiser can try many policies. Deterministic: the same calls and policy give the same report.
 *
 * <p>The rules, in log time:
 * <ul>
 * <li><b>Holders.</b> Each session is one task (its sub-agent files count for it), each log project folder
 *     one project. Both budgets count the tokens spent in the current budget window ({@code NONE}: ever);
 *     a window reset starts them afresh and starts a new checkpoint cycle for every running task.</li>
 * <li><b>Admission.</b> Before a call of a running task is spent, {@code Admission} checks its tokens against
 *     the task and project budgets. Granted: the call is spent, and if {@code Enforcement} then says
 *     CHECKPOINT (the adaptive threshold, from the p90 of the task's last 20 calls, is reached) the task is
 *     asked for a checkpoint, once per cycle. If it says PAUSE (a budget is spent exactly), or admission is
 *     denied, a pause is due.</li>
 * <li><b>Checkpoint grace.</b> A due pause takes effect {@code checkpointGraceSeconds} after the cycle's
 *     checkpoint request (a pause without one requests it at that moment, counted as a checkpoint). Calls
 *     before then are spent, the denied one too, as the server answers CHECKPOINT during the grace and log
 *     usage arrives after the fact; what they spend past a budget is the overshoot <i>despite</i>
 *     governance. A late threshold, or one call larger than what is left, leaves little of the grace before
 *     the budget is gone; {@code checkpointGraceSeconds = 0} makes admission strict.</li>
 * <li><b>Pause.</b> Counted when it takes effect; the task is queued with a remaining estimate of what it
 *     had spent in the window (at least the denied call). Its calls while paused are not spent: they are the
 *     tokens the logs spent past budget that governance prevented, summed in total and per task.</li>
 * <li><b>Resume.</b> From each window reset, while work is queued, a scheduler pass runs every
 *     {@code passIntervalSeconds} of log time: {@code ResumePlanner} picks the work in rule order whose
 *     project has {@code remainingEstimate × safetyFactor} tokens (unlimited without a project budget),
 *     within the {@code ResumeRate} limit. Passes stop when one frees no work although it had slots; the next
 *     reset starts them again. A resumed task starts a new cycle.</li>
 * </ul>
 * A pause whose grace ends after the last call still counts. At equal times a window reset comes first,
 * then a pause that takes effect, then a pass, then the call.
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

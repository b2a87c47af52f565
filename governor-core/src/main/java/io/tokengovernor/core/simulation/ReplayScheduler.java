package io.tokengovernor.core.simulation;

import io.tokengovernor.core.governance.Governor;
import io.tokengovernor.core.governance.LiveProject;
import io.tokengovernor.core.governance.LiveTask;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.ResumeDecision;
import io.tokengovernor.core.scheduler.ResumePlanner;
import io.tokengovernor.core.scheduler.ResumeRate;
import io.tokengovernor.core.scheduler.WorkKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler of a replay, timed like the server's: paused tasks wait in a queue; a pass runs at each window
 * reset while work waits, and the server's interval timer ticks every {@code passIntervalSeconds} from the first
 * call (as if the rules had just been set). A pass that had free slots and resumed nothing leaves the queue as it
 * is until tokens are freed or new work arrives (with backfill on, nothing else can change its outcome), so the
 * ticks in between are skipped.
 */
final class ReplayScheduler {

    private static final long UNLIMITED = Long.MAX_VALUE / 4;
    /** What the server estimates for a task registered without an estimate or complexity. */
    static final long TASK_ESTIMATE = TaskEstimate.of(null, null).estimatedTokens();

    private final Policy policy;
    private final Governor governor;
    /** Ids of the queued tasks, in the order they joined. */
    private final List<String> queue = new ArrayList<>();
    private final Deque<Instant> recentResumes = new ArrayDeque<>();
    /** When the interval timer started: it ticks every interval from there. */
    private Instant timerStart;
    private Instant nextPass;

    ReplayScheduler(Policy policy, Governor governor) {
        this.policy = policy;
        this.governor = governor;
    }

    /** The timer starts with the first call. */
    void start(Instant at) {
        if (timerStart == null) {
            timerStart = at;
        }
    }

    /**
     * A task joins the queue; the timer's next tick will see it.
     *
     * @param duringCall the pause came with a call, after the passes due at {@code at} ran
     */
    void enqueue(String taskId, Instant at, boolean duringCall) {
        queue.add(taskId);
        if (nextPass == null && timerStart != null) {
            nextPass = tick(at, !duringCall);
        }
    }

    /** Tokens were freed: the next pass runs now. */
    void tokensFreed(Instant at) {
        if (!queue.isEmpty()) {
            nextPass = at;
        }
    }

    /** The timer's first tick after {@code at}, or at {@code at} itself when {@code inclusive} and it ticks then. */
    private Instant tick(Instant at, boolean inclusive) {
        long interval = policy.rules().passInterval().toMillis();
        long since = Duration.between(timerStart, at).toMillis();
        long ticks = inclusive && since > 0 && since % interval == 0 ? since / interval : since / interval + 1;
        return timerStart.plusMillis(ticks * interval);
    }

    /** When the next pass is due, or null when none is. */
    Instant nextPass() {
        return nextPass;
    }

    /** Runs the pass due at {@code at}: the ids of the tasks to resume, in resume order. */
    List<String> pass(Instant at) {
        while (!recentResumes.isEmpty() && !recentResumes.peekFirst().isAfter(at.minus(ResumeRate.WINDOW))) {
            recentResumes.removeFirst();
        }
        int slots = ResumeRate.slotsLeft(recentResumes, policy.rules(), at);
        List<QueuedWork> work = new ArrayList<>();
        Map<String, Long> available = new HashMap<>();
        for (String taskId : queue) {
            LiveTask task = governor.findTask(taskId).orElseThrow();
            if (task.waitsForOwnBudget()) {
                continue; // its own budget stopped it: it waits for a raise, as on the server
            }
            work.add(new QueuedWork(task.id(), WorkKind.TASK, task.project().id(), 2, 0, null, task.queuedAt(),
                    QueuedWork.remainingOf(TASK_ESTIMATE, task.used(), policy.taskBudget(), task.typicalStep())));
            LiveProject project = task.project();
            available.put(project.id(), policy.projectBudget() > 0 ? Math.max(0, project.budget()
                    - project.current(at, policy.zone()).used() - project.reserved()) : UNLIMITED);
        }
        ResumeDecision decision = ResumePlanner.plan(work, available, policy.rules(), slots, at);
        List<String> resumed = new ArrayList<>();
        for (QueuedWork item : decision.work()) {
            queue.remove(item.id());
            recentResumes.addLast(at);
            resumed.add(item.id());
        }
        boolean stuck = resumed.isEmpty() && slots > 0 && policy.rules().backfill();
        nextPass = queue.isEmpty() || stuck ? null : tick(at, false);
        return resumed;
    }
}

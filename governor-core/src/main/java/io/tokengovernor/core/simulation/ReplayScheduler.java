package io.tokengovernor.core.simulation;

import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.ResumeDecision;
import io.tokengovernor.core.scheduler.ResumePlanner;
import io.tokengovernor.core.scheduler.ResumeRate;
import io.tokengovernor.core.scheduler.WorkKind;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler of a replay: paused tasks wait in a queue; from each window reset a pass runs every
 * {@code passIntervalSeconds} while work waits, and stops when a pass with free slots resumes nothing.
 */
final class ReplayScheduler {

    private static final long UNLIMITED = Long.MAX_VALUE / 4;
    /** What the server estimates for a task registered without an estimate or complexity. */
    static final long TASK_ESTIMATE = TaskEstimate.of(null, null).estimatedTokens();

    private final Policy policy;
    private final List<ReplayTask> queue = new ArrayList<>();
    private final Deque<Instant> recentResumes = new ArrayDeque<>();
    private Instant nextPass;

    ReplayScheduler(Policy policy) {
        this.policy = policy;
    }

    void enqueue(ReplayTask task) {
        queue.add(task);
    }

    /** Tokens were freed: the next pass runs now. */
    void tokensFreed(Instant at) {
        nextPass = queue.isEmpty() ? null : at;
    }

    /** When the next pass is due, or null when none is. */
    Instant nextPass() {
        return nextPass;
    }

    /** Runs the pass due at {@code at}: the tasks to resume, in resume order. */
    List<ReplayTask> pass(Instant at, Map<String, Long> projectUsed) {
        while (!recentResumes.isEmpty() && !recentResumes.peekFirst().isAfter(at.minus(ResumeRate.WINDOW))) {
            recentResumes.removeFirst();
        }
        int slots = ResumeRate.slotsLeft(recentResumes, policy.rules(), at);
        Map<String, ReplayTask> byId = new HashMap<>();
        List<QueuedWork> work = new ArrayList<>();
        Map<String, Long> available = new HashMap<>();
        for (ReplayTask task : queue) {
            if (task.waitsForRaise || policy.taskBudget() > 0 && task.used >= policy.taskBudget()) {
                continue; // its own budget stopped it: it waits for a raise, as on the server
            }
            byId.put(task.id, task);
            work.add(new QueuedWork(task.id, WorkKind.TASK, task.project, 2, 0, null, task.queuedAt,
                    QueuedWork.remainingOf(TASK_ESTIMATE, task.used, policy.taskBudget())));
            available.put(task.project, policy.projectBudget() > 0
                    ? Math.max(0, policy.projectBudget() - projectUsed.getOrDefault(task.project, 0L)) : UNLIMITED);
        }
        ResumeDecision decision = ResumePlanner.plan(work, available, policy.rules(), slots, at);
        List<ReplayTask> resumed = new ArrayList<>();
        for (QueuedWork item : decision.work()) {
            ReplayTask task = byId.get(item.id());
            queue.remove(task);
            recentResumes.addLast(at);
            resumed.add(task);
        }
        boolean stuck = resumed.isEmpty() && slots > 0;
        nextPass = queue.isEmpty() || stuck ? null : at.plus(policy.rules().passInterval());
        return resumed;
    }
}

package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.SchedulerRules;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resumes by hand: one task, every waiting task of a package, or the whole queue. It bypasses the
 * queue's order and the rate limit, but not budgets: a task resumes only if its project has
 * {@code remaining estimate × safety factor} tokens and the task has budget left — unless forced
 * (admin only), which resumes it regardless.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ManualResume {

    @Inject
    Resumer resumer;

    @Inject
    QueueSnapshot snapshot;

    @Inject
    SchedulerRulesStore rulesStore;

    @Inject
    java.time.Clock clock;

    public List<Outcome> resume(String taskId, String packageId, boolean all, boolean force) {
        int named = (taskId != null ? 1 : 0) + (packageId != null ? 1 : 0) + (all ? 1 : 0);
        if (named != 1) {
            throw new InvalidRequestException("body", "name exactly one of taskId, packageId and all");
        }
        List<QueueSnapshot.Candidate> targets = snapshot.candidates(taskId, packageId, all);
        SchedulerRules rules = rulesStore.current();
        Map<String, Long> available = new HashMap<>(snapshot.queue(clock.instant()).available());
        List<Outcome> outcomes = new ArrayList<>();
        for (QueueSnapshot.Candidate task : targets) {
            if (task.state() != TaskState.QUEUED && task.state() != TaskState.PAUSED) {
                outcomes.add(new Outcome(task.taskId(), false, "the task is " + task.state() + ", not paused or queued"));
                continue;
            }
            long remaining = QueuedWork.remainingOf(task.estimated(), task.used(), task.budget(),
                    task.typicalStep());
            long needed = rules.tokensToResume(remaining);
            long room = available.getOrDefault(task.projectId(), 0L);
            String refusal = task.used() >= task.budget() ? "the task has spent its budget"
                    : task.waitsForOwnBudget() ? "the task's budget cannot take its next call; raise it first"
                    : room < needed ? "the project has " + room + " tokens, " + needed + " needed" : null;
            if (refusal != null && !force) {
                outcomes.add(new Outcome(task.taskId(), false, refusal));
                continue;
            }
            boolean forced = refusal != null;
            boolean resumed = resumer.resume(task.taskId(), room, true, forced,
                    forced ? "resumed by hand, forced past: " + refusal : "resumed by hand");
            if (resumed) {
                available.put(task.projectId(), room - needed);
            }
            outcomes.add(new Outcome(task.taskId(), resumed, resumed ? (forced ? "resumed (forced)" : "resumed")
                    : "not paused or queued any more"));
        }
        return outcomes;
    }

    /** What happened to one task. */
    public record Outcome(String taskId, boolean resumed, String reason) {
    }
}

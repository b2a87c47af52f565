package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.ResumeDecision;
import io.tokengovernor.core.scheduler.ResumePlanner;
import io.tokengovernor.core.scheduler.ResumePrediction;
import io.tokengovernor.core.scheduler.ResumeRate;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.scheduler.WorkKind;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.scheduler.control.QueueReader;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One scheduler pass: read the queue and what each project can give, let the core planner decide
 * (order, resume condition, fairness, backfill, rate limit), resume each chosen task in its own
 * transaction, and record for the tasks still waiting when they are expected to resume.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerPass {

    @Inject
    QueueSnapshot snapshot;

    @Inject
    SchedulerRulesStore rulesStore;

    @Inject
    Resumer resumer;

    @Inject
    Predictions predictions;

    @Inject
    InspectorSettings settings;

    @Inject
    Clock clock;

    public PassOutcome run() {
        Instant now = clock.instant();
        SchedulerRules rules = rulesStore.current();
        QueueReader.Queue queue = snapshot.queue(now);
        if (queue.work().isEmpty() && queue.needRaise().isEmpty()) {
            return new PassOutcome(0, 0, 0);
        }
        int slots = ResumeRate.slotsLeft(snapshot.automaticResumesSince(now.minusSeconds(60)), rules, now);
        ResumeDecision decision = ResumePlanner.plan(queue.work(), queue.available(), rules, slots, now);
        int resumed = 0;
        for (ResumeDecision.Resume resume : decision.resumed()) {
            QueuedWork unit = resume.work();
            String reason = (unit.kind() == WorkKind.PACKAGE ? "resumed with package " + unit.id() : "resumed")
                    + " by the scheduler" + (resume.backfill() ? " (backfill)" : "");
            boolean any = false;
            for (String taskId : queue.tasksOf(unit)) {
                any |= resumer.resume(taskId, resume.tokensAvailable(), false, false, reason, unit.id());
            }
            resumed += any ? 1 : 0;
        }
        Map<String, ResumePrediction> forecast = new HashMap<>();
        for (QueuedWork waiting : queue.work()) {
            if (decision.work().contains(waiting)) {
                continue;
            }
            QueueReader.ProjectRoom room = queue.rooms().get(waiting.projectId());
            long left = decision.tokensLeft().getOrDefault(waiting.projectId(),
                    queue.available().getOrDefault(waiting.projectId(), 0L));
            ResumePrediction prediction = ResumePrediction.predict(waiting, left, room.budget(), room.window(), now,
                    settings.windowZone(), null, rules);
            queue.tasksOf(waiting).forEach(taskId -> forecast.put(taskId, prediction));
        }
        predictions.record(forecast, queue.needRaise());
        return new PassOutcome(resumed, queue.work().size() - resumed, queue.needRaise().size());
    }

    /** What a pass did. */
    public record PassOutcome(int resumed, int stillQueued, int waitingForBudgetRaise) {
    }
}

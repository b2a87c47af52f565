package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.Directive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts a batch of usage: each event id once, towards its task, package, project and the project window of the
 * event's own time; settles the reservations the events name; then decides each touched task's directive.
 */
final class UsageCounter {

    private final LiveBudgets budgets;
    private final GovernanceSettings settings;
    private final ReservationBook reservations;
    private final Directives directives;
    private final Set<String> counted = new HashSet<>();

    UsageCounter(LiveBudgets budgets, GovernanceSettings settings, ReservationBook reservations,
            Directives directives) {
        this.budgets = budgets;
        this.settings = settings;
        this.reservations = reservations;
        this.directives = directives;
    }

    /** Whether the event id was counted already (restored or recorded). */
    boolean seen(String eventId) {
        return counted.contains(eventId);
    }

    void restoreSeen(String eventId) {
        counted.add(eventId);
    }

    Governor.Recorded record(List<Usage> batch, Instant now) {
        for (Usage usage : batch) {
            budgets.task(usage.taskId()); // an unknown task fails the whole batch before anything counts
        }
        List<Usage> fresh = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Usage usage : batch) {
            if (!counted.contains(usage.eventId()) && inBatch.add(usage.eventId())) {
                fresh.add(usage);
            }
        }
        count(fresh);
        counted.addAll(inBatch);
        for (Usage usage : fresh) {
            if (usage.reservationId() != null) {
                reservations.settle(usage.taskId(), usage.reservationId(), now);
            }
        }
        Map<String, Directive> decided = new LinkedHashMap<>();
        for (String taskId : new TreeSet<>(fresh.stream().map(Usage::taskId).toList())) {
            decided.put(taskId, directives.enforce(budgets.task(taskId), now));
        }
        List<Directive> answer = new ArrayList<>();
        for (Usage usage : batch) {
            if (answer.stream().noneMatch(directive -> directive.taskId().equals(usage.taskId()))) {
                Directive directive = decided.get(usage.taskId());
                answer.add(directive != null ? directive
                        : directives.directiveFor(budgets.task(usage.taskId()), now));
            }
        }
        return new Governor.Recorded(fresh.size(), batch.size() - fresh.size(), answer);
    }

    /** Events in time order, so a rolling window opened by one event holds the events after it. */
    private void count(List<Usage> fresh) {
        Map<String, Instant> rollingStarts = new HashMap<>();
        for (Usage usage : fresh.stream().sorted(Comparator.comparing(Usage::occurredAt)).toList()) {
            LiveTask task = budgets.task(usage.taskId());
            LiveProject project = task.project();
            boolean rolling = project.window() == BudgetWindow.ROLLING_5H;
            Instant current = rolling ? rollingStarts.computeIfAbsent(project.id(), id -> project.latestStart()) : null;
            Instant start = project.windowOf(usage.occurredAt(), settings.windowZone(), current);
            if (rolling) {
                rollingStarts.put(project.id(), start);
            }
            project.count(start, usage.tokens());
            task.used += usage.tokens();
            if (task.taskPackage != null) {
                task.taskPackage.used += usage.tokens();
            }
            task.steps.add(usage.occurredAt(), usage.tokens());
            if (task.agentType() != null) {
                budgets.agentTypeSteps(task).add(usage.occurredAt(), usage.tokens());
            }
            budgets.record(new Fact.UsageCounted(usage.eventId(), task.id(), task.packageId(), project.id(),
                    task.agentId(), usage.occurredAt(), start, usage.tokens()));
        }
    }
}

package io.tokengovernor.core.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Decides one scheduler pass: which queued work resumes now.
 *
 * <p>Walks the queue in {@link ResumeOrder} and resumes an item when its project has at least
 * {@code remainingEstimate × safetyFactor} tokens, holding that many for the rest of the pass (the margin
 * is held, not only the estimate, so two resumed tasks that both run over cannot overshoot together).
 * Tokens are per project, so an item that does not fit blocks the later items of its own project only.
 * With backfill, the blocked projects' later items are then tried smallest-remaining-first. At most
 * {@code slots} items resume; while more than one project has queued work, one project takes at most
 * {@link SchedulerRules#projectCap} of them. A package takes one slot, like a task.
 */
public final class ResumePlanner {

    private ResumePlanner() {
    }

    /**
     * @param availableTokensByProject each project's {@code budget − used − reserved}; absent means none
     * @param slots                    resumes this pass may make: the rate limit's slots left, at most the free workers
     */
    public static ResumeDecision plan(Collection<QueuedWork> queue, Map<String, Long> availableTokensByProject,
            SchedulerRules rules, int slots, Instant now) {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must not be negative, got " + slots);
        }
        List<QueuedWork> ordered = ResumeOrder.sort(queue, now, rules);
        long projects = ordered.stream().map(QueuedWork::projectId).distinct().limit(2).count();
        Pass pass = new Pass(availableTokensByProject, slots, projects > 1 ? rules.projectCap(slots) : slots, rules);

        SkipReason[] reasons = new SkipReason[ordered.size()];
        Set<String> blocked = new HashSet<>();
        List<Integer> behind = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            QueuedWork work = ordered.get(i);
            if (blocked.contains(work.projectId()) && pass.hasSlot()) {
                reasons[i] = SkipReason.BEHIND_BLOCKED_WORK;
                behind.add(i);
                continue;
            }
            reasons[i] = pass.tryResume(work, false);
            if (reasons[i] == SkipReason.NO_TOKENS) {
                blocked.add(work.projectId());
            }
        }
        if (rules.backfill()) {
            // smallest remaining first; a heap, because a pass fills its few slots long before a long
            // queue is exhausted, and everything left then gets NO_SLOT without being ordered
            PriorityQueue<Integer> smallestFirst = new PriorityQueue<>(
                    Comparator.<Integer>comparingLong(i -> ordered.get(i).remainingEstimate()).thenComparingInt(i -> i));
            smallestFirst.addAll(behind);
            while (!smallestFirst.isEmpty() && pass.hasSlot()) {
                int i = smallestFirst.poll();
                reasons[i] = pass.tryResume(ordered.get(i), true);
            }
            for (int i : smallestFirst) {
                reasons[i] = SkipReason.NO_SLOT;
            }
        }
        List<ResumeDecision.Skip> skipped = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (reasons[i] != null) {
                skipped.add(new ResumeDecision.Skip(ordered.get(i), reasons[i]));
            }
        }
        return new ResumeDecision(pass.resumed, skipped, pass.tokensLeft);
    }

    /** The state of a pass: tokens left per project, resumes made. */
    private static final class Pass {
        final Map<String, Long> tokensLeft;
        final Map<String, Integer> resumesByProject = new HashMap<>();
        final List<ResumeDecision.Resume> resumed = new ArrayList<>();
        final int slots;
        final int projectCap;
        final SchedulerRules rules;

        Pass(Map<String, Long> available, int slots, int projectCap, SchedulerRules rules) {
            this.tokensLeft = new HashMap<>(available);
            this.slots = slots;
            this.projectCap = projectCap;
            this.rules = rules;
        }

        boolean hasSlot() {
            return resumed.size() < slots;
        }

        /** Resumes the work if the pass allows it; otherwise says why not. */
        SkipReason tryResume(QueuedWork work, boolean backfill) {
            if (!hasSlot()) {
                return SkipReason.NO_SLOT;
            }
            String project = work.projectId();
            if (resumesByProject.getOrDefault(project, 0) >= projectCap) {
                return SkipReason.FAIRNESS_CAP;
            }
            long needed = rules.tokensToResume(work.remainingEstimate());
            long available = Math.max(0, tokensLeft.getOrDefault(project, 0L));
            if (available < needed) {
                return SkipReason.NO_TOKENS;
            }
            tokensLeft.put(project, available - needed);
            resumesByProject.merge(project, 1, Integer::sum);
            resumed.add(new ResumeDecision.Resume(work, available, needed, backfill));
            return null;
        }
    }
}

package io.tokengovernor.core.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which queued work resumes: effective tier first, then the earliest package deadline
 * (work without one last), then higher priority, then longer waiting, then id so that equal work keeps
 * one order from pass to pass.
 *
 * <p>Aging: tier-2 work that has waited {@code agingHoursPerTier} hours is ordered as tier 1, so that a
 * steady stream of tier-1 work cannot starve it forever.
 */
public final class ResumeOrder {

    private ResumeOrder() {
    }

    /** The queue order at {@code now}: aging depends on how long each item has waited by then. */
    public static Comparator<QueuedWork> at(Instant now, SchedulerRules rules) {
        Instant agedIfQueuedBy = now.minus(rules.aging());
        return Comparator.<QueuedWork>comparingInt(work -> effectiveTier(work, agedIfQueuedBy))
                .thenComparing(QueuedWork::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.comparingInt(QueuedWork::priority).reversed())
                .thenComparing(QueuedWork::queuedAt)
                .thenComparing(QueuedWork::id);
    }

    /**
     * A sorted copy of the queue, in the order of {@link #at}. Each item's sort key is computed once, so
     * that a pass over 100,000 queued items stays well within its time budget.
     */
    public static List<QueuedWork> sort(Collection<QueuedWork> queue, Instant now, SchedulerRules rules) {
        Instant agedIfQueuedBy = now.minus(rules.aging());
        List<Key> keys = new ArrayList<>(queue.size());
        for (QueuedWork work : queue) {
            keys.add(new Key(work, effectiveTier(work, agedIfQueuedBy)));
        }
        keys.sort(null);
        List<QueuedWork> sorted = new ArrayList<>(keys.size());
        for (Key key : keys) {
            sorted.add(key.work);
        }
        return sorted;
    }

    /** The tier the work is ordered by at {@code now}: 1 for tier-1 work and for tier-2 work that has aged. */
    public static int effectiveTier(QueuedWork work, Instant now, SchedulerRules rules) {
        return effectiveTier(work, now.minus(rules.aging()));
    }

    private static int effectiveTier(QueuedWork work, Instant agedIfQueuedBy) {
        return work.tier() > 1 && !work.queuedAt().isAfter(agedIfQueuedBy) ? work.tier() - 1 : work.tier();
    }

    /** The order's sort key with primitives, comparing like {@link #at}. */
    private static final class Key implements Comparable<Key> {
        final QueuedWork work;
        final int tier;
        final boolean hasDeadline;
        final long deadlineSeconds;
        final int deadlineNanos;
        final long queuedSeconds;
        final int queuedNanos;

        Key(QueuedWork work, int tier) {
            this.work = work;
            this.tier = tier;
            this.hasDeadline = work.deadline() != null;
            this.deadlineSeconds = hasDeadline ? work.deadline().getEpochSecond() : 0;
            this.deadlineNanos = hasDeadline ? work.deadline().getNano() : 0;
            this.queuedSeconds = work.queuedAt().getEpochSecond();
            this.queuedNanos = work.queuedAt().getNano();
        }

        @Override
        public int compareTo(Key other) {
            int by = Integer.compare(tier, other.tier);
            if (by == 0) {
                by = Boolean.compare(!hasDeadline, !other.hasDeadline);
            }
            if (by == 0) {
                by = Long.compare(deadlineSeconds, other.deadlineSeconds);
            }
            if (by == 0) {
                by = Integer.compare(deadlineNanos, other.deadlineNanos);
            }
            if (by == 0) {
                by = Integer.compare(other.work.priority(), work.priority());
            }
            if (by == 0) {
                by = Long.compare(queuedSeconds, other.queuedSeconds);
            }
            if (by == 0) {
                by = Integer.compare(queuedNanos, other.queuedNanos);
            }
            return by != 0 ? by : work.id().compareTo(other.work.id());
        }
    }
}

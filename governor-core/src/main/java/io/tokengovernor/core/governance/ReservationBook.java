package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.BudgetWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Admission and the life of reservations: holds tokens at the task, its package and its project only when each
 * still has {@code budget − used − reserved ≥ n} (the project's used counts its current window), lets tier-2 work
 * yield to a tier-1 task the project refused, and gives tokens back when a reservation is settled, released or
 * expires. Holds are all or nothing.
 */
final class ReservationBook {

    private static final int EXPIRED_PER_SWEEP = 1_000;

    private final LiveBudgets budgets;
    private final GovernanceSettings settings;
    private final Supplier<String> ids;

    ReservationBook(LiveBudgets budgets, GovernanceSettings settings, Supplier<String> ids) {
        this.budgets = budgets;
        this.settings = settings;
        this.ids = ids;
    }

    /** Holds the tokens at each level in turn; returns why not (holding nothing), or null when all agreed. */
    String hold(LiveTask task, long tokens, Instant now) {
        if (task.budget - task.used - task.reserved < tokens) {
            return "task budget: not enough tokens left for " + tokens;
        }
        LivePackage taskPackage = task.taskPackage;
        if (taskPackage != null && taskPackage.budget() - taskPackage.used - taskPackage.reserved < tokens) {
            return "package budget: not enough tokens left for " + tokens;
        }
        LiveProject project = task.project();
        long windowUsed = project.current(now, settings.windowZone()).used();
        if (!projectAllows(project, tokens, windowUsed)
                && !(task.tier() == 1 && yieldFor(project, task, tokens, windowUsed, now)
                        && projectAllows(project, tokens, windowUsed))) {
            return "project budget: not enough tokens left in the current " + describe(project.window()) + " for "
                    + tokens;
        }
        task.reserved += tokens;
        if (taskPackage != null) {
            taskPackage.reserved += tokens;
        }
        project.reserved += tokens;
        return null;
    }

    LiveReservation open(LiveTask task, long tokens, Instant now, long ttlSeconds) {
        LiveReservation reservation = new LiveReservation(ids.get(), task.id(), task.packageId(), task.project().id(),
                tokens, now, now.plusSeconds(ttlSeconds));
        budgets.held.put(reservation.id(), reservation);
        budgets.record(new Fact.ReservationHeld(reservation.id(), reservation.taskId(), reservation.packageId(),
                reservation.projectId(), tokens, now, reservation.expiresAt()));
        return reservation;
    }

    private static boolean projectAllows(LiveProject project, long tokens, long windowUsed) {
        return project.budget() - windowUsed - project.reserved >= tokens;
    }

    /**
     * When the project runs short, tier-2 work yields before a tier-1 reservation is denied: the tier-2 tasks'
     * held reservations are released, those tasks are asked to checkpoint and are paused. Nothing is preempted
     * when even that would not make room.
     */
    private boolean yieldFor(LiveProject project, LiveTask tier1, long tokens, long windowUsed, Instant now) {
        Set<LiveTask> tier2 = new LinkedHashSet<>();
        long tier2Held = 0;
        for (LiveReservation reservation : budgets.held.values()) {
            LiveTask holder = budgets.tasks.get(reservation.taskId());
            if (reservation.projectId().equals(project.id()) && holder != tier1 && holder.tier() == 2) {
                tier2.add(holder);
                tier2Held += reservation.tokens();
            }
        }
        if (tier2.isEmpty() || project.budget() - windowUsed - project.reserved + tier2Held < tokens) {
            return false;
        }
        for (LiveTask task : tier2) {
            if (task.requestCheckpoint(now)) {
                budgets.record(new Fact.CheckpointRequested(task.id(), project.id(), CheckpointReason.PREEMPTIVE,
                        null, now));
            }
            pause(task, "preempted: tier-1 work of the project needs the tokens", true, now);
        }
        return true;
    }

    /**
     * Pauses a task by hand (or for preemption, which also queues it), giving back what it holds; a pause without
     * a saved checkpoint is recorded as such. False when its state cannot pause.
     */
    boolean pause(LiveTask task, String reason, boolean queue, Instant now) {
        if (!task.pause()) {
            return false;
        }
        for (LiveReservation reservation : heldBy(task)) {
            close(reservation, Fact.ReservationEnd.RELEASED, now);
            budgets.record(new Fact.TokensFreed(task.project().id(), "reservation released"));
        }
        if (task.pausedWithoutCheckpoint) {
            budgets.record(new Fact.CheckpointRequested(task.id(), task.project().id(), CheckpointReason.PAUSE, null,
                    now));
        }
        boolean queued = queue && task.enqueue(now);
        budgets.record(new Fact.Paused(task.id(), task.project().id(), reason, task.pausedWithoutCheckpoint, queued,
                now));
        return true;
    }

    private List<LiveReservation> heldBy(LiveTask task) {
        return budgets.held.values().stream().filter(reservation -> reservation.taskId().equals(task.id())).toList();
    }

    /** Gives back a held reservation by hand; 0 when it was not held by that task. */
    long release(String taskId, String reservationId, Instant now) {
        LiveReservation reservation = budgets.held.get(reservationId);
        if (reservation == null || !reservation.taskId().equals(taskId)) {
            return 0;
        }
        close(reservation, Fact.ReservationEnd.RELEASED, now);
        budgets.record(new Fact.TokensFreed(reservation.projectId(), "reservation released"));
        return reservation.tokens();
    }

    /** Usage naming a held reservation of its task settles it. */
    void settle(String taskId, String reservationId, Instant now) {
        LiveReservation reservation = budgets.held.get(reservationId);
        if (reservation != null && reservation.taskId().equals(taskId)) {
            close(reservation, Fact.ReservationEnd.SETTLED, now);
        }
    }

    /** Releases every held reservation past its expiry (at most a thousand a sweep); returns how many. */
    int expire(Instant now) {
        List<LiveReservation> expired = new ArrayList<>(budgets.held.values().stream()
                .filter(reservation -> !reservation.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(LiveReservation::expiresAt)).limit(EXPIRED_PER_SWEEP).toList());
        for (LiveReservation reservation : expired) {
            close(reservation, Fact.ReservationEnd.EXPIRED, now);
            budgets.record(new Fact.TokensFreed(reservation.projectId(), "reservation expired"));
        }
        return expired.size();
    }

    private void close(LiveReservation reservation, Fact.ReservationEnd end, Instant now) {
        budgets.held.remove(reservation.id());
        LiveTask task = budgets.tasks.get(reservation.taskId());
        task.reserved -= reservation.tokens();
        if (reservation.packageId() != null) {
            budgets.packages.get(reservation.packageId()).reserved -= reservation.tokens();
        }
        budgets.projects.get(reservation.projectId()).reserved -= reservation.tokens();
        budgets.record(new Fact.ReservationClosed(reservation.id(), reservation.taskId(), reservation.packageId(),
                reservation.projectId(), reservation.tokens(), end, now));
    }

    private static String describe(BudgetWindow window) {
        return window == BudgetWindow.NONE ? "budget" : window.name().toLowerCase() + " window";
    }
}

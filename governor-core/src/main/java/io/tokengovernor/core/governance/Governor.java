package io.tokengovernor.core.governance;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The governor engine: every budget decision in one container-free place. It keeps the live budgets (projects and
 * their windows, packages, tasks, held reservations) in memory, takes commands (reserve, record usage, release,
 * expire, sweep due pauses, save a checkpoint, pause, resume), decides them exactly as DESIGN.md §3 says, and
 * answers each with its decision and the {@link Fact facts} to persist. Time is always given, never read, so a
 * replay of old logs and the server's adjustable clock drive it alike. A command either completes or throws
 * {@link GovernanceException} having changed nothing. Not thread-safe: one writer feeds it.
 */
public final class Governor {

    public static final long MAX_TTL_SECONDS = 3_600;

    private final LiveBudgets budgets = new LiveBudgets();
    private final GovernanceSettings settings;
    private final Directives directives;
    private final ReservationBook reservations;
    private final UsageCounter usage;

    public Governor(GovernanceSettings settings) {
        this(settings, () -> UUID.randomUUID().toString());
    }

    /** @param reservationIds where reservation ids come from (random UUIDs on the server) */
    public Governor(GovernanceSettings settings, Supplier<String> reservationIds) {
        this.settings = settings;
        this.directives = new Directives(budgets, settings);
        this.reservations = new ReservationBook(budgets, settings, reservationIds);
        this.usage = new UsageCounter(budgets, settings, reservations, directives);
    }

    // registry: what the engine governs

    /** Registers a project or changes its budget, window, tier and thresholds ({@code null}: the defaults). */
    public void project(String id, long budget, BudgetWindow window, int tier, ThresholdSettings thresholds) {
        ThresholdSettings effective = thresholds != null ? thresholds : settings.thresholds();
        LiveProject project = budgets.projects.get(id);
        if (project == null) {
            budgets.projects.put(id, new LiveProject(id, budget, window, tier, effective));
        } else {
            project.change(budget, window, tier, effective);
        }
    }

    public void taskPackage(String id, String projectId) {
        budgets.project(projectId);
        budgets.packages.putIfAbsent(id, new LivePackage(id, projectId));
    }

    /** Registers a task (REGISTERED, nothing spent); its package's budget grows by its own. */
    public void task(String id, String projectId, String packageId, String agentId, String agentType, Integer tier,
            long estimatedTokens, long budget) {
        if (budgets.tasks.containsKey(id)) {
            throw new GovernanceException(GovernanceException.Kind.STATE, id, "task " + id + " is registered already");
        }
        LiveProject project = budgets.project(projectId);
        LivePackage taskPackage = packageId == null ? null : budgets.taskPackage(packageId);
        if (budget < 0 || estimatedTokens < 0) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "tokenBudget",
                    "budget and estimate must not be negative");
        }
        LiveTask task = new LiveTask(id, project, taskPackage, agentId, agentType, tier, estimatedTokens, budget,
                TaskState.REGISTERED, budgets.due);
        budgets.tasks.put(id, task);
        if (taskPackage != null) {
            taskPackage.tasks.add(task);
        }
    }

    /** Raises (or lowers) a task's budget; a raise lets a task that waited for one be resumed. */
    public void taskBudget(String taskId, long tokens) {
        LiveTask task = budgets.task(taskId);
        if (tokens < 0) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "tokenBudget", "must not be negative");
        }
        if (tokens > task.budget && task.pauseCause != null && task.pauseCause.needsRaise()) {
            task.pauseCause = null;
        }
        task.budget = tokens;
    }

    /** A lifecycle move an agent reports (start, completion, failure) or a person makes. */
    public void move(String taskId, TaskState next) {
        LiveTask task = budgets.task(taskId);
        if (!task.state.canMoveTo(next)) {
            throw new GovernanceException(GovernanceException.Kind.STATE, taskId, "Task " + taskId + " is "
                    + task.state + " and cannot become " + next + "; allowed next states: " + task.state.successors()
                    + ".");
        }
        task.state = next;
    }

    // commands

    /**
     * Admission: grants only if task, package and project each still have the tokens. A refusal holds nothing
     * and makes a pause due (the directive says CHECKPOINT while the grace runs, then PAUSE).
     */
    public Outcome<Reservation> reserve(String taskId, long tokens, long ttlSeconds, Instant now) {
        if (tokens <= 0) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "tokens", "must be 1 or more");
        }
        if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
            throw new GovernanceException(GovernanceException.Kind.INVALID, "ttlSeconds",
                    "must be 1 to " + MAX_TTL_SECONDS);
        }
        LiveTask task = budgets.task(taskId);
        if (task.state.isFinal() || task.state == TaskState.PAUSED || task.state == TaskState.QUEUED) {
            throw new GovernanceException(GovernanceException.Kind.STATE, taskId, "Task " + taskId + " is "
                    + task.state + " and cannot reserve tokens.");
        }
        String refusal = reservations.hold(task, tokens, now);
        if (refusal != null) {
            Directive directive = directives.refused(task, refusal, DirectiveRule.causeOfRefusal(refusal), now);
            return outcome(new Reservation(null, false, tokens, null, refusal, directive));
        }
        LiveReservation held = reservations.open(task, tokens, now, ttlSeconds);
        return outcome(new Reservation(held.id(), true, tokens, held.expiresAt(), "granted",
                directives.enforce(task, now)));
    }

    /** Counts a batch of usage (repeated event ids once), settles what it names, decides the touched tasks. */
    public Outcome<Recorded> record(List<Usage> batch, Instant now) {
        return outcome(usage.record(batch, now));
    }

    /** Gives back a held reservation; 0 tokens when it was not held by that task. */
    public Outcome<Long> release(String taskId, String reservationId, Instant now) {
        budgets.task(taskId);
        return outcome(reservations.release(taskId, reservationId, now));
    }

    /** The sweep: releases expired reservations, then pauses the tasks whose due pause's grace is over. */
    public Outcome<Swept> sweep(Instant now) {
        int expired = reservations.expire(now);
        int paused = directives.enforceOverdue(now);
        return outcome(new Swept(expired, paused));
    }

    /** Decides the task's directive now and makes it so. */
    public Outcome<Directive> enforce(String taskId, Instant now) {
        return outcome(directives.enforce(budgets.task(taskId), now));
    }

    /** The task saved a checkpoint: it may go on to its budget, and a later pause loses nothing. */
    public Outcome<Directive> checkpointSaved(String taskId, Instant now) {
        LiveTask task = budgets.task(taskId);
        task.checkpointState = CheckpointState.SAVED;
        task.pausedWithoutCheckpoint = false;
        return outcome(directives.directiveFor(task, now));
    }

    /** Pauses a task by hand, giving back what it holds; false when its state cannot pause. */
    public Outcome<Boolean> pause(String taskId, String reason, Instant now) {
        return outcome(reservations.pause(budgets.task(taskId), reason, false, now));
    }

    /** Resumes a queued task (or, by hand, a paused one): a new checkpoint cycle. False when it was not waiting. */
    public Outcome<Boolean> resume(String taskId, String reason, boolean manual, Instant now) {
        LiveTask task = budgets.task(taskId);
        if (!(task.state == TaskState.QUEUED || manual && task.state == TaskState.PAUSED)) {
            return outcome(false);
        }
        task.resume();
        budgets.record(new Fact.Resumed(taskId, reason, now));
        return outcome(true);
    }

    // reading

    /** The directive as things stand, changing nothing. */
    public Directive directive(String taskId, Instant now) {
        return directives.directiveFor(budgets.task(taskId), now);
    }

    public Optional<LiveTask> findTask(String id) {
        return Optional.ofNullable(budgets.tasks.get(id));
    }

    public Optional<LiveProject> findProject(String id) {
        return Optional.ofNullable(budgets.projects.get(id));
    }

    public Optional<LivePackage> findPackage(String id) {
        return Optional.ofNullable(budgets.packages.get(id));
    }

    public List<LiveTask> tasks() {
        return List.copyOf(budgets.tasks.values());
    }

    public List<LiveReservation> heldReservations() {
        return List.copyOf(budgets.held.values());
    }

    /** When the first checkpoint grace before a due pause ends, if one is running. */
    public Optional<Instant> nextGraceEnd(Instant now) {
        return directives.graceEnd(now, false);
    }

    /** When the last checkpoint grace before a due pause ends, if one is running. */
    public Optional<Instant> lastGraceEnd(Instant now) {
        return directives.graceEnd(now, true);
    }

    /** Restores live budgets from what was persisted; see {@link Rebuild}. */
    public Rebuild rebuild() {
        return new Rebuild(budgets, usage);
    }

    public GovernanceSettings settings() {
        return settings;
    }

    private <T> Outcome<T> outcome(T value) {
        return new Outcome<>(value, budgets.drain());
    }

    /** A command's decision and the facts to persist, in the order they happened. */
    public record Outcome<T>(T value, List<Fact> facts) {
    }

    /** The answer to a reservation: granted with an id and expiry, or refused with the reason. */
    public record Reservation(String reservationId, boolean granted, long tokens, Instant expiresAt, String reason,
            Directive directive) {
    }

    /** What a usage batch did: how many events counted, how many were repeats, each touched task's directive. */
    public record Recorded(int accepted, int duplicates, List<Directive> directives) {
    }

    /** What a sweep did. */
    public record Swept(int expired, int paused) {
    }
}

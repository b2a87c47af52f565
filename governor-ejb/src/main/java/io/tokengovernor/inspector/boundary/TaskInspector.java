package io.tokengovernor.inspector.boundary;

import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.governance.DirectiveRule;
import io.tokengovernor.core.inspector.AdaptiveThreshold;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.StepStatistics;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.CheckpointState;
import io.tokengovernor.registry.entity.PauseCause;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.usage.control.WindowCounter;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.notify.boundary.Notifications.Event;
import io.tokengovernor.inspector.entity.DirectiveIssued;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Decides what a task must do now (continue, checkpoint, pause) and makes it so: asks for a
 * checkpoint when the adaptive threshold is crossed, and pauses a task that has spent its budget
 * (or whose project has) once its checkpoint grace period is over. Runs in the caller's transaction.
 */
@Stateless
public class TaskInspector {

    private static final int TASK_HISTORY = 50;
    private static final int AGENT_TYPE_HISTORY = 200;
    private static final int MIN_TASK_SAMPLES = 3;
    /** States in which a task may spend tokens; a queued task waits for the scheduler. */
    private static final List<TaskState> ACTIVE = List.of(TaskState.REGISTERED, TaskState.RUNNING);

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Inject
    InspectorSettings settings;

    @Inject
    WindowCounter windows;

    @Inject
    Notifications notifications;

    @Inject
    PauseAlerts alerts;

    @Inject
    jakarta.enterprise.event.Event<DirectiveIssued> issued;

    @Inject
    Clock clock;

    /** The directive for a task, enforcing it: checkpoint requests and pauses are recorded and announced. */
    public Directive enforce(String taskId) {
        Directive directive = decide(taskId, null, true);
        issued.fire(new DirectiveIssued(projectOf(taskId), directive));
        return directive;
    }

    /**
     * A reservation of the task was refused: a pause is due, as when a budget is spent. It takes effect at once
     * when the checkpoint grace is over, else at its end; meanwhile the task is asked to save a checkpoint.
     */
    public Directive refused(String taskId, String refusal) {
        Directive directive = decide(taskId, PauseCause.ofRefusal(refusal), true);
        Directive answer = DirectiveRule.refusalAnswer(directive, refusal);
        issued.fire(new DirectiveIssued(projectOf(taskId), answer));
        return answer;
    }

    private String projectOf(String taskId) {
        return task(taskId).getProject().getId();
    }

    /**
     * @param dueCause  a cause that makes a pause due now (a refused reservation, a package pausing), or null
     * @param withPackage whether a pause that becomes due for a lack of package or project tokens makes the rest
     *                  of the task's package pause with it
     */
    private Directive decide(String taskId, PauseCause dueCause, boolean withPackage) {
        Task task = task(taskId);
        Instant now = clock.instant();
        WindowCounter.Window window = projectWindow(task.getProject(), now);
        long step = typicalStep(task);
        double threshold = thresholdOf(task, step);
        task.measuredStep(step);
        task.applyThreshold(threshold);
        startCycleInNewWindow(task, window, threshold, now);
        boolean becameDue = dueCause != null && !stopped(task) && task.pauseDue(now, dueCause);
        Directive directive = evaluate(task, threshold, step, window);
        if (stopped(task)) {
            return directive; // already stopped: nothing more to ask of it
        }
        if (directive.action() == DirectiveAction.CHECKPOINT) {
            askForCheckpoint(task, directive, Checkpoint.Reason.THRESHOLD, Event.threshold_crossed, now);
        }
        if (directive.action() != DirectiveAction.PAUSE) {
            return directive;
        }
        becameDue |= task.pauseDue(now, task.balance().exhausted() ? PauseCause.TASK : PauseCause.PROJECT);
        if (becameDue && withPackage) {
            pauseWithPackage(task);
        }
        askForCheckpoint(task, directive, Checkpoint.Reason.BUDGET, Event.budget_exhausted, now);
        if (withinGrace(task, now)) {
            return DirectiveRule.graceAnswer(directive, settings.checkpointGrace());
        }
        if (task.pause(directive.reason(), now)) {
            alerts.paused(task, directive.reason());
            task.enqueue("waiting for tokens", now);
        }
        return directive;
    }

    /**
     * A checkpoint asked for in an earlier budget window no longer counts once a new one started, unless the
     * task's own budget (which no window renews) still asks for it: a new cycle, as after a resume.
     */
    private static void startCycleInNewWindow(Task task, WindowCounter.Window window, double threshold, Instant now) {
        if (DirectiveRule.newWindowStartsCycle(standing(task), task.getCheckpointRequestedAt(), window.start(),
                threshold)) {
            task.startCheckpointCycle(now);
        }
    }

    /** Records and announces the cycle's checkpoint request, once per cycle. */
    private void askForCheckpoint(Task task, Directive directive, Checkpoint.Reason reason, Event cause,
            Instant now) {
        if (task.requestCheckpoint(now)) {
            em.persist(new Checkpoint(task.getId(), reason, now));
            notifications.notify(task.getProject(), cause, facts(directive));
            notifications.notify(task.getProject(), Event.checkpoint_requested, facts(directive));
        }
    }

    /** A package pauses and resumes as one: its other active tasks are due to pause too, for the same cause. */
    private void pauseWithPackage(Task task) {
        if (task.getTaskPackage() == null || task.getPauseCause() == PauseCause.TASK) {
            return;
        }
        for (Task sibling : task.getTaskPackage().getTasks()) {
            if (!sibling.getId().equals(task.getId()) && !stopped(sibling) && sibling.getPauseDueAt() == null) {
                issued.fire(new DirectiveIssued(task.getProject().getId(),
                        decide(sibling.getId(), task.getPauseCause(), false)));
            }
        }
    }

    /** Pauses every task whose pause is due and whose checkpoint grace is over; answers how many paused. */
    public int enforceOverdue() {
        List<Task> overdue = em.createQuery("select t from Task t where t.pauseDueAt is not null and t.state in"
                + " :active and (t.checkpointState <> :requested or t.checkpointRequestedAt <= :graceStart)", Task.class)
                .setParameter("active", ACTIVE)
                .setParameter("requested", CheckpointState.REQUESTED)
                .setParameter("graceStart", clock.instant().minus(settings.checkpointGrace()))
                .setMaxResults(500).getResultList();
        int paused = 0;
        for (Task task : overdue) {
            enforce(task.getId());
            paused += stopped(task) ? 1 : 0;
        }
        return paused;
    }

    /** When the first checkpoint grace still running before a due pause ends, if one is. */
    public java.util.Optional<Instant> nextGraceEnd() {
        return graceEnd("min");
    }

    /** When the last checkpoint grace still running before a due pause ends, if one is. */
    public java.util.Optional<Instant> lastGraceEnd() {
        return graceEnd("max");
    }

    private java.util.Optional<Instant> graceEnd(String aggregate) {
        List<Instant> starts = em.createQuery("select " + aggregate + "(t.checkpointRequestedAt) from Task t"
                + " where t.pauseDueAt is not null and t.checkpointState = :requested"
                + " and t.checkpointRequestedAt > :graceStart and t.state in :active", Instant.class)
                .setParameter("requested", CheckpointState.REQUESTED)
                .setParameter("graceStart", clock.instant().minus(settings.checkpointGrace()))
                .setParameter("active", ACTIVE)
                .getResultList();
        return starts.stream().filter(java.util.Objects::nonNull).findFirst()
                .map(start -> start.plus(settings.checkpointGrace()));
    }

    /** The directive for a task as things stand, without changing anything. */
    public Directive directiveFor(String taskId) {
        Task task = task(taskId);
        // the last decision measured both; only a task never decided on needs the ledger read
        boolean measured = task.getThreshold() != null;
        long step = measured ? task.getTypicalStep() : typicalStep(task);
        double threshold = measured ? task.getThreshold() : thresholdOf(task, step);
        return evaluate(task, threshold, step, projectWindow(task.getProject(), clock.instant()));
    }

    private static boolean stopped(Task task) {
        return !ACTIVE.contains(task.getState());
    }

    /** The engine's directive rule (core {@link DirectiveRule}) over the stored task and its project's window. */
    private Directive evaluate(Task task, double threshold, long step, WindowCounter.Window window) {
        Project project = task.getProject();
        return DirectiveRule.evaluate(standing(task), threshold, step, new DirectiveRule.ProjectRoom(
                project.getTokenBudget(), window.used(), project.thresholds(settings.thresholds())));
    }

    private static DirectiveRule.Standing standing(Task task) {
        return new DirectiveRule.Standing(task.getId(), task.getState(), task.balance(),
                io.tokengovernor.core.governance.CheckpointState.valueOf(task.getCheckpointState().name()),
                task.getPauseDueAt(), task.getEstimatedTokens());
    }

    static Map<String, Object> facts(Directive directive) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("taskId", directive.taskId());
        facts.put("action", directive.action().name());
        facts.put("used", directive.used());
        facts.put("reserved", directive.reserved());
        facts.put("budget", directive.budget());
        facts.put("threshold", directive.threshold());
        facts.put("reason", directive.reason());
        return facts;
    }

    private boolean withinGrace(Task task, Instant now) {
        return DirectiveRule.withinGrace(
                io.tokengovernor.core.governance.CheckpointState.valueOf(task.getCheckpointState().name()),
                task.getCheckpointRequestedAt(), settings.checkpointGrace(), now);
    }

    private WindowCounter.Window projectWindow(Project project, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            return windows.current(connection, project.getId(), project.getBudgetWindow(), now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the budget window of project " + project.getId(), e);
        }
    }

    /** The adaptive threshold: one typical step (p90 of this task's calls, else its agent type's) before the end. */
    private double thresholdOf(Task task, long step) {
        return AdaptiveThreshold.forTask(task.getTokenBudget(), step,
                task.getProject().thresholds(settings.thresholds()));
    }

    private long typicalStep(Task task) {
        List<?> own = em.createNativeQuery("SELECT total_tokens FROM usage_event WHERE task_id = ?"
                + " ORDER BY occurred_at DESC LIMIT " + TASK_HISTORY).setParameter(1, task.getId()).getResultList();
        if (own.size() >= MIN_TASK_SAMPLES || task.getAgent() == null || task.getAgent().getType() == null) {
            return StepStatistics.p90(toLongs(own));
        }
        List<?> sameType = em.createNativeQuery("SELECT e.total_tokens FROM usage_event e JOIN agent a"
                + " ON a.id = e.agent_id WHERE a.agent_type = ? AND e.project_id = ? ORDER BY e.occurred_at DESC"
                + " LIMIT " + AGENT_TYPE_HISTORY)
                .setParameter(1, task.getAgent().getType())
                .setParameter(2, task.getProject().getId())
                .getResultList();
        return StepStatistics.p90(toLongs(sameType));
    }

    private static long[] toLongs(List<?> values) {
        return values.stream().mapToLong(value -> ((Number) value).longValue()).toArray();
    }

    private Task task(String taskId) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new UnknownEntityException("task", taskId);
        }
        return task;
    }
}

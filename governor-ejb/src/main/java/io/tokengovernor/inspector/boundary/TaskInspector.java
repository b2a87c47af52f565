package io.tokengovernor.inspector.boundary;

import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.AdaptiveThreshold;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.Enforcement;
import io.tokengovernor.core.inspector.StepStatistics;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.CheckpointState;
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
import java.time.Duration;
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

    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    /** The directive for a task, enforcing it: checkpoint requests and pauses are recorded and announced. */
    public Directive enforce(String taskId) {
        Directive directive = decide(taskId);
        issued.fire(new DirectiveIssued(projectOf(taskId), directive));
        return directive;
    }

    private String projectOf(String taskId) {
        return task(taskId).getProject().getId();
    }

    private Directive decide(String taskId) {
        Task task = task(taskId);
        Instant now = clock.instant();
        double threshold = thresholdOf(task);
        task.applyThreshold(threshold);
        Directive directive = evaluate(task, threshold, now);
        if (task.getState() == TaskState.PAUSED || task.getState().isFinal()) {
            return directive; // already stopped: nothing more to ask of it
        }
        if (directive.action() == DirectiveAction.CHECKPOINT && task.requestCheckpoint(now)) {
            em.persist(new Checkpoint(task.getId(), Checkpoint.Reason.THRESHOLD, now));
            notifications.notify(task.getProject(), Event.threshold_crossed, facts(directive));
            notifications.notify(task.getProject(), Event.checkpoint_requested, facts(directive));
        }
        if (directive.action() != DirectiveAction.PAUSE) {
            return directive;
        }
        if (task.requestCheckpoint(now)) {
            em.persist(new Checkpoint(task.getId(), Checkpoint.Reason.BUDGET, now));
            notifications.notify(task.getProject(), Event.budget_exhausted, facts(directive));
            notifications.notify(task.getProject(), Event.checkpoint_requested, facts(directive));
        }
        if (withinGrace(task, now)) {
            return new Directive(taskId, DirectiveAction.CHECKPOINT, directive.used(), directive.reserved(),
                    directive.budget(), threshold, directive.remainingEstimate(), directive.reason()
                            + "; save a checkpoint now, the task pauses after a grace period of "
                            + settings.checkpointGrace().toSeconds() + " s");
        }
        if (task.pause(directive.reason(), now)) {
            alerts.paused(task, directive.reason());
            task.enqueue("waiting for tokens", now);
        }
        return directive;
    }

    /** Enforces the directive of every task whose checkpoint grace ran out while over budget. */
    public int enforceOverdue() {
        Instant graceStart = clock.instant().minus(settings.checkpointGrace());
        List<Task> overdue = em.createQuery("select t from Task t where t.checkpointState ="
                + " io.tokengovernor.registry.entity.CheckpointState.REQUESTED and t.usedTokens >= t.tokenBudget"
                + " and t.checkpointRequestedAt <= :graceStart and t.state in :active", Task.class)
                .setParameter("graceStart", graceStart)
                .setParameter("active", List.of(io.tokengovernor.core.registry.TaskState.REGISTERED,
                        io.tokengovernor.core.registry.TaskState.RUNNING,
                        io.tokengovernor.core.registry.TaskState.QUEUED))
                .setMaxResults(500).getResultList();
        overdue.forEach(task -> enforce(task.getId()));
        return overdue.size();
    }

    /** The directive for a task as things stand, without changing anything. */
    public Directive directiveFor(String taskId) {
        Task task = task(taskId);
        double threshold = task.getThreshold() != null ? task.getThreshold() : thresholdOf(task);
        return evaluate(task, threshold, clock.instant());
    }

    private Directive evaluate(Task task, double threshold, Instant now) {
        if (task.getState() == TaskState.PAUSED || task.getState().isFinal()) {
            TokenBalance balance = task.balance();
            return new Directive(task.getId(), DirectiveAction.PAUSE, balance.used(), balance.reserved(),
                    balance.budget(), threshold, Math.max(0, task.getEstimatedTokens() - balance.used()),
                    "the task is " + task.getState() + "; it may not spend tokens");
        }
        boolean saved = task.getCheckpointState() == CheckpointState.SAVED;
        Directive directive = Enforcement.directive(task.getId(), task.balance(), threshold, saved,
                task.getEstimatedTokens());
        if (directive.action() != DirectiveAction.PAUSE && projectExhausted(task.getProject(), now)) {
            return new Directive(task.getId(), DirectiveAction.PAUSE, directive.used(), directive.reserved(),
                    directive.budget(), threshold, directive.remainingEstimate(),
                    "project budget exhausted for the current window");
        }
        return directive;
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
        return task.getCheckpointState() == CheckpointState.REQUESTED && task.getCheckpointRequestedAt() != null
                && now.isBefore(task.getCheckpointRequestedAt().plus(settings.checkpointGrace()));
    }

    private boolean projectExhausted(Project project, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            long used = windows.usedNow(connection, project.getId(), project.getBudgetWindow(), now);
            return new TokenBalance(project.getTokenBudget(), used, 0).exhausted();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the budget window of project " + project.getId(), e);
        }
    }

    /** The adaptive threshold: one typical step (p90 of this task's calls, else its agent type's) before the end. */
    double thresholdOf(Task task) {
        return AdaptiveThreshold.forTask(task.getTokenBudget(), typicalStep(task),
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

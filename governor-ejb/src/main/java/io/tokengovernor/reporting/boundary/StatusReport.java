package io.tokengovernor.reporting.boundary;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.usage.control.WindowCounter;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.boundary.AgentRegistry;
import io.tokengovernor.registry.boundary.PackageRegistry;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.registry.entity.Agent;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskPackage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact status of a project, agent, task or package: budget, used, reserved, remaining, state
 * and task counts, small enough (well under 200 tokens) for an agent to read before every step.
 */
@Stateless
public class StatusReport {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    java.time.Clock clock;

    @Inject
    ProjectRegistry projects;
    @Inject
    TaskRegistry tasks;
    @Inject
    PackageRegistry packages;
    @Inject
    AgentRegistry agents;

    @Inject
    TaskInspector inspector;

    @Inject
    io.tokengovernor.registry.boundary.Estimates estimates;

    @Inject
    WindowCounter windows;

    @Inject
    InspectorSettings settings;

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    public Map<String, Object> of(StatusLevel level, String id) {
        return switch (level) {
            case PROJECT -> project(projects.get(id));
            case TASK -> task(tasks.get(id));
            case PACKAGE -> taskPackage(packages.get(id));
            case AGENT -> agent(agents.find(id).orElseThrow(() -> new UnknownEntityException("agent", id)));
        };
    }

    /** A project's used tokens are those of its current budget window; its lifetime total is shown apart. */
    private Map<String, Object> project(Project project) {
        long windowUsed = windowUsed(project);
        Map<String, Object> status = head(StatusLevel.PROJECT, project.getId(),
                new TokenBalance(project.getTokenBudget(), windowUsed, project.getReservedTokens()));
        status.put("tier", project.getTier());
        status.put("window", project.getBudgetWindow().name());
        if (project.getBudgetWindow() != BudgetWindow.NONE) {
            status.put("lifetimeUsed", project.getUsedTokens());
        }
        status.put("threshold", project.thresholds(settings.thresholds()).defaultThreshold());
        status.put("counts", counts("t.project.id", project.getId()));
        estimates.estimationError(project.getId())
                .ifPresent(mape -> status.put("estimationError", Math.round(mape * 1000) / 1000.0));
        estimates.resumeAccuracy(project.getId())
                .ifPresent(share -> status.put("resumeAccuracy", Math.round(share * 1000) / 1000.0));
        return status;
    }

    private Map<String, Object> task(Task task) {
        Directive directive = inspector.directiveFor(task.getId());
        Map<String, Object> status = head(StatusLevel.TASK, task.getId(), task.balance());
        status.put("state", task.getState().name());
        status.put("directive", directive.action().name());
        status.put("threshold", Math.round(directive.threshold() * 1000) / 1000.0);
        status.put("checkpoint", task.getCheckpointState().name());
        status.put("estimate", task.getEstimatedTokens());
        if (task.isPausedWithoutCheckpoint()) {
            status.put("pausedWithoutCheckpoint", true);
        }
        if (task.getPrediction() != null) {
            status.put("prediction", task.getPrediction());
            if (task.getPredictedResumeAt() != null) {
                status.put("resumeAt", task.getPredictedResumeAt().toString());
            }
        }
        return status;
    }

    private long windowUsed(Project project) {
        try (Connection connection = dataSource.getConnection()) {
            return windows.usedNow(connection, project.getId(), project.getBudgetWindow(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the budget window of project " + project.getId(), e);
        }
    }

    private Map<String, Object> taskPackage(TaskPackage taskPackage) {
        long budget = 0;
        long used = 0;
        long reserved = 0;
        for (Task task : taskPackage.getTasks()) {
            budget += task.getTokenBudget();
            used += task.getUsedTokens();
            reserved += task.getReservedTokens();
        }
        Map<String, Object> status = head(StatusLevel.PACKAGE, taskPackage.getId(),
                new TokenBalance(budget, used, reserved));
        status.put("estimate", taskPackage.getEstimatedTokens());
        status.put("priority", taskPackage.getPriority());
        status.put("counts", counts("t.taskPackage.id", taskPackage.getId()));
        return status;
    }

    private Map<String, Object> agent(Agent agent) {
        Object[] sums = em.createQuery("select coalesce(sum(t.tokenBudget), 0), coalesce(sum(t.usedTokens), 0),"
                + " coalesce(sum(t.reservedTokens), 0) from Task t where t.agent.id = :id", Object[].class)
                .setParameter("id", agent.getId()).getSingleResult();
        Map<String, Object> status = head(StatusLevel.AGENT, agent.getId(), new TokenBalance(
                ((Number) sums[0]).longValue(), ((Number) sums[1]).longValue(), ((Number) sums[2]).longValue()));
        status.put("type", agent.getType());
        status.put("tier", agent.getTier());
        status.put("counts", counts("t.agent.id", agent.getId()));
        return status;
    }

    private static Map<String, Object> head(StatusLevel level, String id, TokenBalance balance) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("level", level.label());
        status.put("id", id);
        status.put("budget", balance.budget());
        status.put("used", balance.used());
        status.put("reserved", balance.reserved());
        status.put("remaining", balance.remaining());
        return status;
    }

    /** Task counts by state, only the states that occur, plus the total. */
    private Map<String, Long> counts(String ownerPath, String ownerId) {
        List<Object[]> rows = em.createQuery("select t.state, count(t) from Task t where " + ownerPath
                + " = :id group by t.state", Object[].class).setParameter("id", ownerId).getResultList();
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        long total = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            byState.put((TaskState) row[0], n);
            total += n;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tasks", total);
        byState.forEach((state, n) -> counts.put(state.name().toLowerCase(java.util.Locale.ROOT), n));
        return counts;
    }
}

package io.tokengovernor.registry.boundary;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.core.scheduler.EstimationAccuracy;
import io.tokengovernor.core.scheduler.HistoricalEstimate;
import io.tokengovernor.core.scheduler.ResumeAccuracy;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Estimates from history (phase 1): the tokens completed tasks of the same complexity and agent type
 * (and project, when given) actually used; the complexity heuristic while there are too few of them.
 * Also the accuracy figures of a project: estimation error (MAPE) and resume accuracy.
 */
@Stateless
public class Estimates {

    private static final int HISTORY = 500;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    public HistoricalEstimate of(Complexity complexity, String agentType, String projectId) {
        StringBuilder jpql = new StringBuilder("select t.usedTokens from Task t where t.state = :completed");
        if (complexity != null) {
            jpql.append(" and t.complexity = :complexity");
        }
        if (agentType != null) {
            jpql.append(" and t.agent.type = :type");
        }
        if (projectId != null) {
            jpql.append(" and t.project.id = :project");
        }
        jpql.append(" order by t.updatedAt desc");
        var query = em.createQuery(jpql.toString(), Long.class).setParameter("completed", TaskState.COMPLETED)
                .setMaxResults(HISTORY);
        if (complexity != null) {
            query.setParameter("complexity", complexity);
        }
        if (agentType != null) {
            query.setParameter("type", agentType);
        }
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return HistoricalEstimate.of(query.getResultList(), complexity);
    }

    /** Mean absolute percentage error of the project's completed tasks' estimates against what they used. */
    public OptionalDouble estimationError(String projectId) {
        List<Object[]> rows = em.createQuery("select t.estimatedTokens, t.usedTokens from Task t"
                + " where t.project.id = :project and t.state = :completed", Object[].class)
                .setParameter("project", projectId).setParameter("completed", TaskState.COMPLETED)
                .setMaxResults(5_000).getResultList();
        List<Long> estimates = new ArrayList<>();
        List<Long> actuals = new ArrayList<>();
        for (Object[] row : rows) {
            estimates.add(((Number) row[0]).longValue());
            actuals.add(((Number) row[1]).longValue());
        }
        return EstimationAccuracy.mape(estimates, actuals);
    }

    /** Share of the project's resumed tasks that completed without being paused again. */
    public OptionalDouble resumeAccuracy(String projectId) {
        Object[] counts = em.createQuery("select count(t), coalesce(sum(case when t.pausedAfterResume = :yes then 1"
                + " else 0 end), 0) from Task t where t.project.id = :project and t.resumes > 0 and t.state = :completed",
                Object[].class).setParameter("yes", Boolean.TRUE).setParameter("project", projectId)
                .setParameter("completed", TaskState.COMPLETED)
                .getSingleResult();
        return ResumeAccuracy.share(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }
}

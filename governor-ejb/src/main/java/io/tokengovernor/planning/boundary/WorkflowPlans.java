package io.tokengovernor.planning.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.plan.AgentAllocation;
import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.planning.entity.StoredPlan;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Deep inspection's workflow plans, one version after another per project. A plan is accepted only when its agent
 * count is the one the seed's criteria give for its inspection, so a stored plan never contradicts the rules.
 */
@Stateless
public class WorkflowPlans {

    public static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    @Inject
    Clock clock;

    /** Stores a plan as the project's next version; {@code document} is its JSON. */
    public StoredPlan store(String projectId, ProjectInspection inspection, int agents, long estimatedTokens,
            String document) {
        String project = projects.get(projectId).getId();
        AgentAllocation allocation = AgentAllocation.of(inspection);
        if (allocation.agents() != agents) {
            throw new InvalidRequestException("agents", "the plan has " + agents + " agents but its inspection ("
                    + allocation.reason() + ") gives " + allocation.agents());
        }
        Integer last = em.createNamedQuery(StoredPlan.LAST_VERSION, Integer.class).setParameter("project", project)
                .getSingleResult();
        StoredPlan plan = new StoredPlan(project, last == null ? 1 : last + 1, clock.instant(), agents,
                estimatedTokens, inspection.source().name(), document);
        em.persist(plan);
        em.flush();
        return plan;
    }

    /** The project's plans, newest first. */
    public List<StoredPlan> of(String projectId, int limit) {
        String project = projects.get(projectId).getId();
        return em.createNamedQuery(StoredPlan.OF_PROJECT, StoredPlan.class).setParameter("project", project)
                .setMaxResults(Math.min(limit, MAX_LIST)).getResultList();
    }

    /** The project's newest plan. */
    public StoredPlan latest(String projectId) {
        return of(projectId, 1).stream().findFirst()
                .orElseThrow(() -> new UnknownEntityException("workflow plan", projectId + " (no plan stored yet)"));
    }

    public StoredPlan version(String projectId, int version) {
        return find(projectId, version)
                .orElseThrow(() -> new UnknownEntityException("workflow plan", projectId + " version " + version));
    }

    private Optional<StoredPlan> find(String projectId, int version) {
        String project = projects.get(projectId).getId();
        return em.createNamedQuery(StoredPlan.VERSION, StoredPlan.class).setParameter("project", project)
                .setParameter("version", version).getResultStream().findFirst();
    }
}

package io.tokengovernor.planning.boundary;

import io.tokengovernor.planning.entity.StoredPlan;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's read of one project's workflow plans: the list of versions and one plan whole, in one call and as
 * records, so a page never holds the database connection twice or lazy-loads while it renders.
 */
@Stateless
public class PlanHistory {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    /**
     * The project's plans with {@code version} shown, or the newest when {@code version} is null or not one of the
     * project's (the caller compares {@link ProjectPlans#shown()} with what it asked for); empty for an unknown
     * project.
     */
    public Optional<ProjectPlans> of(String projectId, Integer version) {
        if (projectId == null) {
            return Optional.empty();
        }
        return projects.find(projectId).map(project -> {
            List<StoredPlan> stored = em.createNamedQuery(StoredPlan.OF_PROJECT, StoredPlan.class)
                    .setParameter("project", project.getId()).setMaxResults(WorkflowPlans.MAX_LIST).getResultList();
            StoredPlan shown = Optional.ofNullable(version).flatMap(v -> find(project.getId(), v))
                    .orElse(stored.isEmpty() ? null : stored.get(0));
            return new ProjectPlans(project.getId(), project.getName(), stored.stream().map(PlanHistory::versionOf)
                    .toList(), shown == null ? null : new ProjectPlans.Shown(versionOf(shown), shown.getDocument()));
        });
    }

    private Optional<StoredPlan> find(String projectId, int version) {
        return em.createNamedQuery(StoredPlan.VERSION, StoredPlan.class).setParameter("project", projectId)
                .setParameter("version", version).getResultStream().findFirst();
    }

    private static ProjectPlans.Version versionOf(StoredPlan plan) {
        return new ProjectPlans.Version(plan.getVersion(), plan.getCreatedAt(), plan.getAgents(),
                plan.getEstimatedTokens(), plan.getInspectionSource());
    }
}

package io.tokengovernor.registry.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.registry.entity.Agent;
import io.tokengovernor.registry.entity.Project;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Agents are never registered on their own: the first task (or usage report) that names one creates it. */
@Stateless
public class AgentRegistry {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    Clock clock;

    public Agent findOrRegister(String id, Project project, String type) {
        Agent agent = em.find(Agent.class, id);
        if (agent == null) {
            agent = new Agent(id, project, type, clock.instant());
            em.persist(agent);
            return agent;
        }
        if (!agent.getProject().getId().equals(project.getId())) {
            throw ConflictException.registration("agent", id, "it belongs to project " + agent.getProject().getId());
        }
        if (!agent.acceptsType(type)) {
            throw ConflictException.registration("agent", id, "its type is " + agent.getType() + ", not " + type);
        }
        return agent;
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    /** Agents of one project, or of all when {@code projectId} is null, oldest first. */
    public List<Agent> list(String projectId, int page, int size) {
        String jpql = projectId == null
                ? "select a from Agent a join fetch a.project order by a.createdAt, a.id"
                : "select a from Agent a join fetch a.project where a.project.id = :project order by a.createdAt, a.id";
        var query = em.createQuery(jpql, Agent.class).setFirstResult(page * size).setMaxResults(size);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return query.getResultList();
    }

    public long count(String projectId) {
        String jpql = projectId == null
                ? "select count(a) from Agent a"
                : "select count(a) from Agent a where a.project.id = :project";
        var query = em.createQuery(jpql, Long.class);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return query.getSingleResult();
    }

    /** Number of tasks each agent has, by agent id. */
    public long taskCount(String agentId) {
        return em.createQuery("select count(t) from Task t where t.agent.id = :agent", Long.class)
                .setParameter("agent", agentId).getSingleResult();
    }
}

package io.tokengovernor.registry.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.Agent;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskPackage;
import io.tokengovernor.core.scheduler.HistoricalEstimate;
import io.tokengovernor.registry.entity.TaskRegistration;
import io.tokengovernor.registry.entity.TaskTransition;
import io.tokengovernor.scheduler.entity.TokensFreed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registers tasks (and, implicitly, their agents), lists them and moves them through their lifecycle. */
@Stateless
public class TaskRegistry {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    @Inject
    AgentRegistry agents;

    @Inject
    Event<TokensFreed> freed;

    @Inject
    Estimates estimates;

    @Inject
    Clock clock;

    public Registered<Task> register(String requestedId, TaskRegistration registration) {
        String id = requestedId != null ? requestedId : UUID.randomUUID().toString();
        Task existing = em.find(Task.class, id);
        if (existing != null) {
            List<String> differences = existing.differencesFrom(registration);
            if (!differences.isEmpty()) {
                throw ConflictException.registration("task", id, "differs in " + String.join(", ", differences));
            }
            return new Registered<>(existing, false);
        }
        Project project = projects.find(registration.projectId())
                .orElseThrow(() -> new InvalidRequestException("projectId",
                        "no project with id " + registration.projectId() + " is registered"));
        TaskPackage taskPackage = registration.packageId() == null ? null : packageOf(project, registration);
        if (registration.parentTaskId() != null) {
            Task parent = em.find(Task.class, registration.parentTaskId());
            if (parent == null || !parent.getProject().getId().equals(project.getId())) {
                throw new InvalidRequestException("parentTaskId",
                        "no task with id " + registration.parentTaskId() + " in project " + project.getId());
            }
        }
        Agent agent = registration.agentId() == null ? null
                : agents.findOrRegister(registration.agentId(), project, registration.agentType());
        TaskRegistration resolved = registration;
        if (!registration.estimateGiven()) {
            HistoricalEstimate learnt = estimates.of(registration.estimate().complexity(),
                    agent == null ? null : agent.getType(), project.getId());
            if (learnt.source() == HistoricalEstimate.Source.HISTORY) {
                resolved = registration.withLearntEstimate(learnt.median());
            }
        }
        Task task = new Task(id, project, agent, taskPackage, resolved, clock.instant());
        em.persist(task);
        return new Registered<>(task, true);
    }

    private TaskPackage packageOf(Project project, TaskRegistration registration) {
        TaskPackage taskPackage = em.find(TaskPackage.class, registration.packageId());
        if (taskPackage == null || !taskPackage.getProject().getId().equals(project.getId())) {
            throw new InvalidRequestException("packageId",
                    "no package with id " + registration.packageId() + " in project " + project.getId());
        }
        return taskPackage;
    }

    public Optional<Task> find(String id) {
        return Optional.ofNullable(em.find(Task.class, id));
    }

    public Task get(String id) {
        return find(id).orElseThrow(() -> new UnknownEntityException("task", id));
    }

    /** The id of the project a task belongs to. */
    public String projectOf(String taskId) {
        List<String> owners = em.createQuery("select t.project.id from Task t where t.id = :id", String.class)
                .setParameter("id", taskId).getResultList();
        if (owners.isEmpty()) {
            throw new UnknownEntityException("task", taskId);
        }
        return owners.get(0);
    }

    /** A task's recorded state changes, oldest first. */
    public List<TaskTransition> transitionsOf(String id) {
        return em.createQuery("select tt from TaskTransition tt where tt.task.id = :id order by tt.seq",
                TaskTransition.class).setParameter("id", id).getResultList();
    }

    /** Moves a task to another state, recording the transition; the lifecycle decides what is allowed. */
    public Task transition(String id, TaskState next, String reason) {
        Task task = get(id);
        task.moveTo(next, reason, clock.instant());
        if (next.isFinal()) {
            freed.fire(new TokensFreed(task.getProject().getId(), "task " + id + " " + next));
        }
        return task;
    }

    /** Changes a task's own budget; a raise may let a queued task resume. */
    public Task changeBudget(String id, long tokens) {
        if (tokens < 0) {
            throw new InvalidRequestException("tokenBudget", "must be zero or more tokens");
        }
        Task task = get(id);
        task.changeBudget(tokens, clock.instant());
        freed.fire(new TokensFreed(task.getProject().getId(), "task " + id + " budget changed"));
        return task;
    }

    /** Tasks filtered by project, package and state (each optional), newest first. */
    public Page<Task> list(String projectId, String packageId, TaskState state, int page, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Task> query = cb.createQuery(Task.class);
        Root<Task> root = query.from(Task.class);
        // fetched with the tasks so that callers outside this transaction never load them lazily
        root.fetch("project");
        root.fetch("agent", JoinType.LEFT);
        root.fetch("taskPackage", JoinType.LEFT);
        query.where(filters(cb, root, projectId, packageId, state))
                .orderBy(cb.desc(root.get("createdAt")), cb.asc(root.get("id")));
        List<Task> items = em.createQuery(query)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Task> countRoot = count.from(Task.class);
        count.select(cb.count(countRoot)).where(filters(cb, countRoot, projectId, packageId, state));
        return new Page<>(items, page, size, em.createQuery(count).getSingleResult());
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<Task> root, String projectId, String packageId,
            TaskState state) {
        List<Predicate> predicates = new ArrayList<>();
        if (projectId != null) {
            predicates.add(cb.equal(root.get("project").get("id"), projectId));
        }
        if (packageId != null) {
            predicates.add(cb.equal(root.get("taskPackage").get("id"), packageId));
        }
        if (state != null) {
            predicates.add(cb.equal(root.get("state"), state));
        }
        return predicates.toArray(Predicate[]::new);
    }
}

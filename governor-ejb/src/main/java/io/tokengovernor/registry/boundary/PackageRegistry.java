package io.tokengovernor.registry.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.registry.entity.PackageRegistration;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskPackage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers task packages. A package's task list may grow later as tasks name it; registering it
 * again with the tasks it was created with (or a subset) is therefore still idempotent.
 */
@Stateless
public class PackageRegistry {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    @Inject
    Clock clock;

    public Registered<TaskPackage> register(String requestedId, PackageRegistration registration) {
        String id = requestedId != null ? requestedId : UUID.randomUUID().toString();
        TaskPackage existing = em.find(TaskPackage.class, id);
        if (existing != null) {
            List<String> differences = existing.differencesFrom(registration);
            if (!differences.isEmpty()) {
                throw ConflictException.registration("package", id, "differs in " + String.join(", ", differences));
            }
            return new Registered<>(existing, false);
        }
        if (registration.notBefore() != null && registration.deadline() != null
                && registration.deadline().isBefore(registration.notBefore())) {
            throw new InvalidRequestException("deadline", "must not be before notBefore");
        }
        Project project = projects.find(registration.projectId())
                .orElseThrow(() -> new InvalidRequestException("projectId",
                        "no project with id " + registration.projectId() + " is registered"));
        TaskPackage taskPackage = new TaskPackage(id, project, registration, members(project, registration),
                clock.instant());
        em.persist(taskPackage);
        return new Registered<>(taskPackage, true);
    }

    private List<Task> members(Project project, PackageRegistration registration) {
        List<Task> members = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(registration.taskIds())) {
            Task task = em.find(Task.class, taskId);
            if (task == null || !task.getProject().getId().equals(project.getId())) {
                throw new InvalidRequestException("taskIds",
                        "no task with id " + taskId + " in project " + project.getId());
            }
            if (task.getTaskPackage() != null) {
                throw ConflictException.state("Task " + taskId + " already belongs to package "
                        + task.getPackageId() + ".");
            }
            members.add(task);
        }
        return members;
    }

    /** The id of the project a package belongs to. */
    public String projectOf(String packageId) {
        List<String> owners = em.createQuery("select p.project.id from TaskPackage p where p.id = :id", String.class)
                .setParameter("id", packageId).getResultList();
        if (owners.isEmpty()) {
            throw new UnknownEntityException("package", packageId);
        }
        return owners.get(0);
    }

    public Optional<TaskPackage> find(String id) {
        return Optional.ofNullable(em.find(TaskPackage.class, id));
    }

    public TaskPackage get(String id) {
        return find(id).orElseThrow(() -> new UnknownEntityException("package", id));
    }
}

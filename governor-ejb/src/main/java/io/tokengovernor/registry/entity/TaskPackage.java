package io.tokengovernor.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A group of tasks of one project that is estimated, prioritised and scheduled together. */
@Entity
@Table(name = "task_package")
public class TaskPackage {

    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    private Project project;
    @Column(name = "estimated_tokens")
    private long estimatedTokens;
    private int priority;
    @Column(name = "not_before")
    private Instant notBefore;
    private Instant deadline;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "taskPackage")
    private List<Task> tasks = new ArrayList<>();

    protected TaskPackage() {
    }

    public TaskPackage(String id, Project project, PackageRegistration registration, List<Task> members,
            Instant now) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.priority = registration.priority();
        this.notBefore = registration.notBefore();
        this.deadline = registration.deadline();
        this.createdAt = now;
        this.updatedAt = now;
        long sum = 0;
        for (Task member : members) {
            member.joinPackage(this);
            tasks.add(member);
            sum += member.getEstimatedTokens();
        }
        this.estimatedTokens = registration.estimatedTokens() != null ? registration.estimatedTokens() : sum;
    }

    /** The fields in which this package differs from a registration of the same id. */
    public List<String> differencesFrom(PackageRegistration registration) {
        List<String> differences = new ArrayList<>();
        if (!project.getId().equals(registration.projectId())) {
            differences.add("projectId");
        }
        if (!getTaskIds().containsAll(registration.taskIds())) {
            differences.add("taskIds");
        }
        if (registration.estimatedTokens() != null && estimatedTokens != registration.estimatedTokens()) {
            differences.add("estimatedTokens");
        }
        if (priority != registration.priority()) {
            differences.add("priority");
        }
        if (!Objects.equals(notBefore, registration.notBefore())) {
            differences.add("notBefore");
        }
        if (!Objects.equals(deadline, registration.deadline())) {
            differences.add("deadline");
        }
        return differences;
    }

    public String getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public Set<String> getTaskIds() {
        Set<String> ids = new TreeSet<>();
        tasks.forEach(task -> ids.add(task.getId()));
        return ids;
    }

    public List<Task> getTasks() {
        return List.copyOf(tasks);
    }

    void add(Task task) {
        tasks.add(task);
    }

    public long getEstimatedTokens() {
        return estimatedTokens;
    }

    public int getPriority() {
        return priority;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package io.tokengovernor.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An ephemeral worker of one project, registered the first time a task names it. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    private Project project;
    @Column(name = "agent_type")
    private String type;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Agent() {
    }

    public Agent(String id, Project project, String type, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.type = type;
        this.createdAt = now;
    }

    /** An agent's type is fixed by its first task; a later task may leave it out but not change it. */
    public boolean acceptsType(String claimedType) {
        return claimedType == null || claimedType.equals(type);
    }

    public String getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public String getType() {
        return type;
    }

    /** Agents inherit their project's priority tier. */
    public int getTier() {
        return project.getTier();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

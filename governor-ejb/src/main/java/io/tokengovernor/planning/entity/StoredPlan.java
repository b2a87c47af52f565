package io.tokengovernor.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a project's workflow plan, as deep inspection wrote it. */
@Entity
@Table(name = "workflow_plan")
@NamedQuery(name = StoredPlan.OF_PROJECT,
        query = "select p from StoredPlan p where p.projectId = :project order by p.version desc")
@NamedQuery(name = StoredPlan.LAST_VERSION,
        query = "select max(p.version) from StoredPlan p where p.projectId = :project")
@NamedQuery(name = StoredPlan.VERSION,
        query = "select p from StoredPlan p where p.projectId = :project and p.version = :version")
public class StoredPlan {

    public static final String OF_PROJECT = "StoredPlan.ofProject";
    public static final String LAST_VERSION = "StoredPlan.lastVersion";
    public static final String VERSION = "StoredPlan.version";

    @Id
    private String id;
    @Column(name = "project_id")
    private String projectId;
    private int version;
    @Column(name = "created_at")
    private Instant createdAt;
    private int agents;
    @Column(name = "estimated_tokens")
    private long estimatedTokens;
    @Column(name = "inspection_source")
    private String inspectionSource;
    private String document;

    protected StoredPlan() {
    }

    public StoredPlan(String projectId, int version, Instant createdAt, int agents, long estimatedTokens,
            String inspectionSource, String document) {
        if (version < 1) {
            throw new IllegalArgumentException("plan versions start at 1: " + version);
        }
        this.id = UUID.randomUUID().toString();
        this.projectId = projectId;
        this.version = version;
        this.createdAt = createdAt;
        this.agents = agents;
        this.estimatedTokens = estimatedTokens;
        this.inspectionSource = inspectionSource;
        this.document = document;
    }

    public String getProjectId() {
        return projectId;
    }

    public int getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAgents() {
        return agents;
    }

    public long getEstimatedTokens() {
        return estimatedTokens;
    }

    public String getInspectionSource() {
        return inspectionSource;
    }

    public String getDocument() {
        return document;
    }
}

package io.tokengovernor.notify.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One failed external call or rejected input. */
@Entity
@Table(name = "error_log")
public class ErrorEntry {

    /** What kind of failure. */
    public enum Kind { EXTERNAL_CALL, REJECTED_INPUT, ALERT }

    @Id
    private String id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String kind;
    private String source;
    private String detail;
    @Column(name = "project_id")
    private String projectId;

    protected ErrorEntry() {
    }

    public ErrorEntry(Kind kind, String source, String detail, String projectId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind.name();
        this.source = source.length() > 200 ? source.substring(0, 200) : source;
        this.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        this.projectId = projectId;
        this.occurredAt = now;
    }

    public String getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public String getDetail() {
        return detail;
    }

    public String getProjectId() {
        return projectId;
    }
}

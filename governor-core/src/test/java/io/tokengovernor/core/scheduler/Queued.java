package io.tokengovernor.core.scheduler;

import java.time.Duration;
import java.time.Instant;

/** Builds queued work for tests: a tier-1 task of project "p", 100 tokens, queued a minute before {@link #NOW}. */
final class Queued {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final String id;
    private WorkKind kind = WorkKind.TASK;
    private String project = "p";
    private int tier = 1;
    private int priority;
    private Instant deadline;
    private Instant queuedAt = NOW.minusSeconds(60);
    private long remaining = 100;

    private Queued(String id) {
        this.id = id;
    }

    static Queued task(String id) {
        return new Queued(id);
    }

    static Queued pkg(String id) {
        Queued queued = new Queued(id);
        queued.kind = WorkKind.PACKAGE;
        return queued;
    }

    Queued project(String project) {
        this.project = project;
        return this;
    }

    Queued tier(int tier) {
        this.tier = tier;
        return this;
    }

    Queued priority(int priority) {
        this.priority = priority;
        return this;
    }

    Queued deadline(String deadline) {
        this.deadline = Instant.parse(deadline);
        return this;
    }

    Queued waited(Duration waited) {
        this.queuedAt = NOW.minus(waited);
        return this;
    }

    Queued remaining(long remaining) {
        this.remaining = remaining;
        return this;
    }

    QueuedWork build() {
        return new QueuedWork(id, kind, project, tier, priority, deadline, queuedAt, remaining);
    }
}

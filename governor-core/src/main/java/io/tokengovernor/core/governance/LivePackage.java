package io.tokengovernor.core.governance;

import java.util.ArrayList;
import java.util.List;

/** A task package's live budget: the sum of its tasks' budgets, what they spent and what they hold. */
public final class LivePackage {

    private final String id;
    private final String projectId;
    final List<LiveTask> tasks = new ArrayList<>();
    long used;
    long reserved;

    LivePackage(String id, String projectId) {
        this.id = id;
        this.projectId = projectId;
    }

    public long budget() {
        return tasks.stream().mapToLong(LiveTask::budget).sum();
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public long used() {
        return used;
    }

    public long reserved() {
        return reserved;
    }

    public List<String> taskIds() {
        return tasks.stream().map(LiveTask::id).toList();
    }
}

package io.tokengovernor.core.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** The engine's in-memory model: every live budget holder, the held reservations, and the journal of facts. */
final class LiveBudgets {

    static final int AGENT_TYPE_STEPS = 200;

    final Map<String, LiveProject> projects = new HashMap<>();
    final Map<String, LivePackage> packages = new HashMap<>();
    /** In registration order: the order sweeps visit them. */
    final Map<String, LiveTask> tasks = new LinkedHashMap<>();
    /** Tasks with a pause due, in the order it became due. */
    final Set<LiveTask> due = new LinkedHashSet<>();
    /** Held reservations by id, in the order they were made. */
    final Map<String, LiveReservation> held = new LinkedHashMap<>();
    /** The latest calls per project and agent type ({@code project + '\n' + type}). */
    final Map<String, RecentSteps> agentTypeSteps = new HashMap<>();
    private final List<Fact> journal = new ArrayList<>();

    LiveTask task(String id) {
        LiveTask task = tasks.get(id);
        if (task == null) {
            throw GovernanceException.unknown("task", id);
        }
        return task;
    }

    LiveProject project(String id) {
        LiveProject project = projects.get(id);
        if (project == null) {
            throw GovernanceException.unknown("project", id);
        }
        return project;
    }

    LivePackage taskPackage(String id) {
        LivePackage taskPackage = packages.get(id);
        if (taskPackage == null) {
            throw GovernanceException.unknown("package", id);
        }
        return taskPackage;
    }

    RecentSteps agentTypeSteps(LiveTask task) {
        return agentTypeSteps.computeIfAbsent(task.project().id() + '\n' + task.agentType(),
                key -> new RecentSteps(AGENT_TYPE_STEPS));
    }

    void record(Fact fact) {
        journal.add(fact);
    }

    /** The facts since the last call, in order. */
    List<Fact> drain() {
        List<Fact> facts = List.copyOf(journal);
        journal.clear();
        return facts;
    }

}

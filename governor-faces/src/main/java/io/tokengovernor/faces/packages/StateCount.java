package io.tokengovernor.faces.packages;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.boundary.PackageOverview.PackageTask;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many of a package's tasks are in one state: the packages table lists one tag per state present. */
public record StateCount(TaskState state, long count) {

    /** The states present among the tasks, in lifecycle order (REGISTERED first). */
    public static List<StateCount> of(List<PackageTask> tasks) {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        tasks.forEach(task -> counts.merge(task.state(), 1L, Long::sum));
        return counts.entrySet().stream().map(entry -> new StateCount(entry.getKey(), entry.getValue())).toList();
    }

    public String label() {
        return count + " " + state;
    }
}

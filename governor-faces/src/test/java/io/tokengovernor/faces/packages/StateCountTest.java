package io.tokengovernor.faces.packages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.boundary.PackageOverview.PackageTask;
import io.tokengovernor.registry.entity.CheckpointState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCountTest {

    @Test
    void countsTheTasksOfEachStatePresentInLifecycleOrder() {
        List<StateCount> counts = StateCount.of(List.of(task(TaskState.QUEUED), task(TaskState.RUNNING),
                task(TaskState.QUEUED), task(TaskState.REGISTERED)));

        assertThat(counts).containsExactly(new StateCount(TaskState.REGISTERED, 1),
                new StateCount(TaskState.RUNNING, 1), new StateCount(TaskState.QUEUED, 2));
        assertThat(counts.get(2).label()).isEqualTo("2 QUEUED");
    }

    @Test
    void aPackageWithoutTasksHasNoCounts() {
        assertThat(StateCount.of(List.of())).isEmpty();
    }

    private static PackageTask task(TaskState state) {
        return new PackageTask("t", null, state, CheckpointState.NONE, 1_000, 0, 1_000, null);
    }
}

package io.tokengovernor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStateTest {

    @Test
    void the_design_cycle_is_allowed() {
        assertThat(TaskState.REGISTERED.canMoveTo(TaskState.RUNNING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.PAUSED)).isTrue();
        assertThat(TaskState.PAUSED.canMoveTo(TaskState.QUEUED)).isTrue();
        assertThat(TaskState.QUEUED.canMoveTo(TaskState.RUNNING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.COMPLETED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"COMPLETED", "FAILED", "CANCELLED"})
    void finished_tasks_never_move_again(TaskState finished) {
        assertThat(finished.isFinal()).isTrue();
        for (TaskState next : TaskState.values()) {
            assertThat(finished.canMoveTo(next)).as("%s -> %s", finished, next).isFalse();
        }
    }

    @Test
    void a_task_cannot_complete_without_having_run() {
        assertThat(TaskState.REGISTERED.canMoveTo(TaskState.COMPLETED)).isFalse();
        assertThat(TaskState.PAUSED.canMoveTo(TaskState.COMPLETED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void no_state_moves_to_itself(TaskState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }
}

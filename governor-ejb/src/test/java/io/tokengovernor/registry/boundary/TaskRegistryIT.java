package io.tokengovernor.registry.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tokengovernor.ConflictException;
import io.tokengovernor.FreshTransaction;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.ServicesDeployment;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.registry.entity.Agent;
import io.tokengovernor.registry.entity.ProjectRegistration;
import io.tokengovernor.registry.entity.Task;
import io.tokengovernor.registry.entity.TaskRegistration;
import io.tokengovernor.registry.entity.TaskTransition;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class TaskRegistryIT {

    @Deployment
    static WebArchive deployment() {
        return ServicesDeployment.create();
    }

    @Inject
    ProjectRegistry projects;

    @Inject
    TaskRegistry tasks;

    @Inject
    AgentRegistry agents;

    @Inject
    FreshTransaction fresh;

    @Test
    void registering_a_task_stores_it_and_records_the_registered_transition() {
        String projectId = project();
        String id = UUID.randomUUID().toString();

        Registered<Task> registered = tasks.register(id, registration(projectId, null, null));

        assertThat(registered.created()).isTrue();
        Task stored = tasks.get(id);
        assertThat(stored.getState()).isEqualTo(TaskState.REGISTERED);
        assertThat(stored.getTokenBudget()).isEqualTo(5_000);
        assertThat(stored.getDescription()).isEqualTo("write the parser");
        assertThat(fresh.read(() -> tasks.get(id).getAgentId())).isNull();
        List<TaskTransition> transitions = tasks.transitionsOf(id);
        assertThat(transitions)
                .extracting(TaskTransition::getFromState, TaskTransition::getToState, TaskTransition::getReason)
                .containsExactly(tuple(null, TaskState.REGISTERED, "registered"));
        assertThat(transitions.get(0).getOccurredAt()).isEqualTo(stored.getCreatedAt());
    }

    @Test
    void naming_a_new_agent_registers_it_with_the_project_and_type() {
        String projectId = project();
        String agentId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();

        tasks.register(first, registration(projectId, agentId, "claude-code"));
        tasks.register(UUID.randomUUID().toString(), registration(projectId, agentId, null));

        Agent agent = agents.find(agentId).orElseThrow();
        assertThat(agent.getType()).isEqualTo("claude-code");
        assertThat(projectOf(agentId)).isEqualTo(projectId);
        assertThat(fresh.read(() -> tasks.get(first).getAgentId())).isEqualTo(agentId);
        assertThat(agents.taskCount(agentId)).isEqualTo(2);
        assertThat(agents.count(projectId)).isEqualTo(1);
    }

    @Test
    void the_same_agent_in_another_project_is_a_conflict_and_the_task_is_not_stored() {
        String agentId = UUID.randomUUID().toString();
        String home = project();
        tasks.register(UUID.randomUUID().toString(), registration(home, agentId, "claude-code"));
        String elsewhere = project();
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> tasks.register(id, registration(elsewhere, agentId, "claude-code")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("belongs to project " + home);

        assertThat(tasks.find(id)).isEmpty();
        assertThat(projectOf(agentId)).isEqualTo(home);
    }

    @Test
    void a_task_of_an_unknown_project_is_an_invalid_request_and_is_not_stored() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> tasks.register(id, registration(UUID.randomUUID().toString(), null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(InvalidRequestException.FieldError::field).containsExactly("projectId"));

        assertThat(tasks.find(id)).isEmpty();
    }

    @Test
    void the_filled_in_complexity_and_estimate_are_stored() {
        String projectId = project();
        String fromEstimate = register(projectId, TaskEstimate.of(null, 7_000L));
        String fromComplexity = register(projectId, TaskEstimate.of(Complexity.SIMPLE, null));
        String fromNothing = register(projectId, TaskEstimate.of(null, null));

        assertThat(tasks.get(fromEstimate))
                .extracting(Task::getComplexity, Task::getEstimatedTokens)
                .containsExactly(Complexity.VERY_COMPLEX, 7_000L);
        assertThat(tasks.get(fromComplexity))
                .extracting(Task::getComplexity, Task::getEstimatedTokens)
                .containsExactly(Complexity.SIMPLE, 500L);
        assertThat(tasks.get(fromNothing))
                .extracting(Task::getComplexity, Task::getEstimatedTokens)
                .containsExactly(Complexity.COMPLEX, 3_000L);
    }

    @Test
    void every_move_through_the_lifecycle_is_recorded_in_order() {
        String id = UUID.randomUUID().toString();
        tasks.register(id, registration(project(), null, null));

        tasks.transition(id, TaskState.RUNNING, "started");
        tasks.transition(id, TaskState.PAUSED, "budget at 90%");
        tasks.transition(id, TaskState.QUEUED, "waiting for the next window");
        tasks.transition(id, TaskState.RUNNING, "resumed");
        tasks.transition(id, TaskState.COMPLETED, "done");

        List<TaskTransition> transitions = tasks.transitionsOf(id);
        assertThat(transitions)
                .extracting(TaskTransition::getFromState, TaskTransition::getToState, TaskTransition::getReason)
                .containsExactly(
                        tuple(null, TaskState.REGISTERED, "registered"),
                        tuple(TaskState.REGISTERED, TaskState.RUNNING, "started"),
                        tuple(TaskState.RUNNING, TaskState.PAUSED, "budget at 90%"),
                        tuple(TaskState.PAUSED, TaskState.QUEUED, "waiting for the next window"),
                        tuple(TaskState.QUEUED, TaskState.RUNNING, "resumed"),
                        tuple(TaskState.RUNNING, TaskState.COMPLETED, "done"));
        assertThat(transitions).extracting(TaskTransition::getOccurredAt)
                .isSortedAccordingTo(Comparator.<Instant>naturalOrder());
        Task stored = tasks.get(id);
        assertThat(stored.getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(stored.getUpdatedAt()).isEqualTo(transitions.get(transitions.size() - 1).getOccurredAt());
    }

    @Test
    void a_completed_task_cannot_run_again_and_the_refusal_records_nothing() {
        String id = UUID.randomUUID().toString();
        tasks.register(id, registration(project(), null, null));
        tasks.transition(id, TaskState.RUNNING, "started");
        Task completed = tasks.transition(id, TaskState.COMPLETED, "done");

        assertThatThrownBy(() -> tasks.transition(id, TaskState.RUNNING, "once more"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is COMPLETED and cannot become RUNNING");

        assertThat(tasks.transitionsOf(id)).hasSize(3)
                .extracting(TaskTransition::getReason).doesNotContain("once more");
        Task stored = tasks.get(id);
        assertThat(stored.getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(stored.getUpdatedAt()).isEqualTo(completed.getUpdatedAt());
    }

    @Test
    void registering_the_same_task_again_is_idempotent() {
        String projectId = project();
        String agentId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        Task first = tasks.register(id, registration(projectId, agentId, "claude-code")).entity();

        Registered<Task> again = tasks.register(id, registration(projectId, agentId, "claude-code"));

        assertThat(again.created()).isFalse();
        assertThat(again.entity().getCreatedAt()).isEqualTo(first.getCreatedAt());
        assertThat(tasks.transitionsOf(id)).hasSize(1);
        assertThat(agents.taskCount(agentId)).isEqualTo(1);
    }

    @Test
    void the_same_task_id_with_another_budget_is_a_conflict_naming_the_field() {
        String projectId = project();
        String id = UUID.randomUUID().toString();
        tasks.register(id, registration(projectId, null, null));
        TaskRegistration bigger = new TaskRegistration(projectId, null, null, null, null,
                TaskEstimate.of(Complexity.SIMPLE, 800L), 50_000, "write the parser", null);

        assertThatThrownBy(() -> tasks.register(id, bigger))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("differs in tokenBudget.");

        assertThat(tasks.get(id).getTokenBudget()).isEqualTo(5_000);
    }

    private String project() {
        String id = UUID.randomUUID().toString();
        projects.register(id, new ProjectRegistration("Tasks " + id, "ops@example.org", 1, 1_000_000,
                BudgetWindow.NONE, null, null, null));
        return id;
    }

    private String projectOf(String agentId) {
        return fresh.read(() -> agents.find(agentId).orElseThrow().getProject().getId());
    }

    private String register(String projectId, TaskEstimate estimate) {
        String id = UUID.randomUUID().toString();
        tasks.register(id, new TaskRegistration(projectId, null, null, null, null, estimate, 5_000, null, null));
        return id;
    }

    private static TaskRegistration registration(String projectId, String agentId, String agentType) {
        return new TaskRegistration(projectId, agentId, agentType, null, null,
                TaskEstimate.of(Complexity.SIMPLE, 800L), 5_000, "write the parser", null);
    }
}

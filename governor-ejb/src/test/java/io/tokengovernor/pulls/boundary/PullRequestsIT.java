package io.tokengovernor.pulls.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.ServicesDeployment;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.pulls.entity.PullRequestOnGitHub;
import io.tokengovernor.pulls.entity.PullRequestOpened;
import io.tokengovernor.pulls.entity.PullState;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.registry.entity.ProjectRegistration;
import io.tokengovernor.registry.entity.TaskRegistration;
import io.tokengovernor.usage.boundary.UsageLedger;
import io.tokengovernor.usage.entity.UsageEvent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class PullRequestsIT {

    @Deployment
    static WebArchive deployment() {
        return ServicesDeployment.create();
    }

    @Inject
    PullRequests pulls;

    @Inject
    ProjectRegistry projects;

    @Inject
    TaskRegistry tasks;

    @Inject
    UsageLedger ledger;

    @Test
    void a_recorded_pull_request_is_listed_with_the_tokens_its_tasks_and_their_subtasks_spent() {
        String project = project();
        String session = task(project, null);
        String subagent = task(project, session);
        String other = task(project, null);
        spend(session, 1_200, 300);
        spend(subagent, 400, 100);
        spend(other, 9_000, 1_000);

        var recorded = pulls.record(project, opened(7, List.of(session)));

        assertThat(recorded.created()).isTrue();
        List<PullRequestRow> rows = pulls.list(project);
        assertThat(rows).hasSize(1);
        PullRequestRow row = rows.get(0);
        assertThat(row.number()).isEqualTo(7);
        assertThat(row.repository()).isEqualTo("octocat/demo");
        assertThat(row.state()).isEqualTo(PullState.OPEN);
        assertThat(row.merged()).isFalse();
        assertThat(row.tokens()).as("the session and its subagent, not the other task").isEqualTo(2_000);
        assertThat(row.taskIds()).containsExactly(session);
        assertThat(row.refreshedAt()).isNull();
        assertThat(pulls.list(project()).isEmpty()).as("another project sees none").isTrue();
    }

    @Test
    void recording_the_same_pull_request_again_updates_it_and_adds_its_tasks() {
        String project = project();
        String first = task(project, null);
        String second = task(project, null);
        pulls.record(project, opened(3, List.of(first)));

        var again = pulls.record(project, new PullRequestOpened("octocat/demo", 3, "https://github.com/octocat/demo/pull/3",
                "token-gov/pr-3", "main", "A better title", null, List.of(second)));

        assertThat(again.created()).isFalse();
        assertThat(pulls.list(project)).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("A better title");
            assertThat(row.taskIds()).containsExactlyInAnyOrder(first, second);
        });
    }

    @Test
    void github_s_view_replaces_state_and_reviews_and_newest_comes_first() {
        String project = project();
        pulls.record(project, opened(1, List.of()));
        pulls.record(project, opened(2, List.of()));
        Instant mergedAt = Instant.parse("2026-12-05T10:00:00Z");

        assertThat(pulls.open()).contains(new PullRequestKey(project, "octocat/demo", 1));
        pulls.refreshed(new PullRequestKey(project, "octocat/demo", 1),
                new PullRequestOnGitHub("Merged title", PullState.MERGED, mergedAt, 1, 1));

        assertThat(pulls.list(project)).extracting(PullRequestRow::number).containsExactly(2, 1);
        PullRequestRow merged = pulls.get(project, "octocat/demo", 1);
        assertThat(merged.state()).isEqualTo(PullState.MERGED);
        assertThat(merged.merged()).isTrue();
        assertThat(merged.mergedAt()).isEqualTo(mergedAt);
        assertThat(merged.approvals()).isEqualTo(1);
        assertThat(merged.changesRequested()).isEqualTo(1);
        assertThat(merged.refreshedAt()).isNotNull();
        assertThat(pulls.open()).doesNotContain(new PullRequestKey(project, "octocat/demo", 1));
    }

    @Test
    void a_task_of_another_project_or_an_unknown_project_is_refused_and_nothing_is_stored() {
        String project = project();
        String foreign = task(project(), null);

        assertThatThrownBy(() -> pulls.record(project, opened(4, List.of(foreign))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(InvalidRequestException.FieldError::field).containsExactly("taskIds[0]"));
        assertThatThrownBy(() -> pulls.record(UUID.randomUUID().toString(), opened(4, List.of())))
                .isInstanceOf(UnknownEntityException.class);
        assertThat(pulls.list(project)).isEmpty();
    }

    private static PullRequestOpened opened(int number, List<String> taskIds) {
        return new PullRequestOpened("octocat/demo", number, "https://github.com/octocat/demo/pull/" + number,
                "token-gov/pr-" + number, "main", "Add the plan", null, taskIds);
    }

    private String project() {
        String id = UUID.randomUUID().toString();
        projects.register(id, new ProjectRegistration("Pulls " + id, "ops@example.org", 1, 1_000_000,
                BudgetWindow.NONE, null, null, null));
        return id;
    }

    private String task(String project, String parent) {
        String id = UUID.randomUUID().toString();
        tasks.register(id, new TaskRegistration(project, null, null, null, parent,
                TaskEstimate.of(Complexity.SIMPLE, 800L), 50_000, "work", null));
        return id;
    }

    private void spend(String task, long input, long output) {
        ledger.record(List.of(new UsageEvent(UUID.randomUUID().toString(), task, null, Instant.now(),
                "claude-sonnet-4-5", input, output, 0, 0, null, "sdk", null)), null);
    }
}

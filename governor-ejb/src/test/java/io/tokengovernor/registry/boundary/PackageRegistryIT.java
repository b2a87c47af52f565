package io.tokengovernor.registry.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.ConflictException;
import io.tokengovernor.FreshTransaction;
import io.tokengovernor.ServicesDeployment;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.registry.entity.PackageRegistration;
import io.tokengovernor.registry.entity.ProjectRegistration;
import io.tokengovernor.registry.entity.TaskPackage;
import io.tokengovernor.registry.entity.TaskRegistration;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class PackageRegistryIT {

    @Deployment
    static WebArchive deployment() {
        return ServicesDeployment.create();
    }

    @Inject
    ProjectRegistry projects;

    @Inject
    TaskRegistry tasks;

    @Inject
    PackageRegistry packages;

    @Inject
    FreshTransaction fresh;

    @Test
    void a_package_of_two_tasks_takes_them_in_and_sums_their_estimates() {
        String projectId = project();
        String parser = task(projectId, 1_200);
        String lexer = task(projectId, 800);
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(1, ChronoUnit.HOURS);
        Instant deadline = notBefore.plus(2, ChronoUnit.DAYS);
        String id = UUID.randomUUID().toString();

        Registered<TaskPackage> registered = packages.register(id,
                new PackageRegistration(projectId, List.of(parser, lexer), null, 7, notBefore, deadline));

        assertThat(registered.created()).isTrue();
        TaskPackage stored = packages.get(id);
        assertThat(stored.getEstimatedTokens()).isEqualTo(2_000);
        assertThat(taskIdsOf(id)).containsExactlyInAnyOrder(parser, lexer);
        assertThat(stored.getPriority()).isEqualTo(7);
        assertThat(stored.getNotBefore()).isEqualTo(notBefore);
        assertThat(stored.getDeadline()).isEqualTo(deadline);
        assertThat(packageOf(parser)).isEqualTo(id);
        assertThat(packageOf(lexer)).isEqualTo(id);
        assertThat(tasks.list(null, id, null, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void a_task_already_in_another_package_is_a_conflict_and_nothing_is_stored() {
        String projectId = project();
        String taken = task(projectId, 1_200);
        String free = task(projectId, 800);
        String first = UUID.randomUUID().toString();
        packages.register(first, new PackageRegistration(projectId, List.of(taken), null, 1, null, null));
        String second = UUID.randomUUID().toString();

        assertThatThrownBy(() -> packages.register(second,
                new PackageRegistration(projectId, List.of(free, taken), null, 1, null, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Task " + taken + " already belongs to package " + first);

        assertThat(packages.find(second)).isEmpty();
        assertThat(packageOf(free)).isNull();
        assertThat(packageOf(taken)).isEqualTo(first);
        assertThat(packages.get(first).getEstimatedTokens()).isEqualTo(1_200);
    }

    @Test
    void registering_the_same_package_again_is_idempotent() {
        String projectId = project();
        String parser = task(projectId, 1_200);
        String lexer = task(projectId, 800);
        String id = UUID.randomUUID().toString();
        PackageRegistration registration = new PackageRegistration(projectId, List.of(parser, lexer), null, 3,
                null, null);
        packages.register(id, registration);

        Registered<TaskPackage> again = packages.register(id, registration);
        Registered<TaskPackage> subset = packages.register(id,
                new PackageRegistration(projectId, List.of(lexer), null, 3, null, null));

        assertThat(again.created()).isFalse();
        assertThat(subset.created()).isFalse();
        TaskPackage stored = packages.get(id);
        assertThat(stored.getEstimatedTokens()).isEqualTo(2_000);
        assertThat(taskIdsOf(id)).containsExactlyInAnyOrder(parser, lexer);
        assertThatThrownBy(() -> packages.register(id,
                new PackageRegistration(projectId, List.of(parser, lexer), null, 4, null, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("differs in priority.");
    }

    private Set<String> taskIdsOf(String packageId) {
        return fresh.read(() -> packages.get(packageId).getTaskIds());
    }

    private String packageOf(String taskId) {
        return fresh.read(() -> tasks.get(taskId).getPackageId());
    }

    private String project() {
        String id = UUID.randomUUID().toString();
        projects.register(id, new ProjectRegistration("Packages " + id, "ops@example.org", 2, 1_000_000,
                BudgetWindow.NONE, null, null, null));
        return id;
    }

    private String task(String projectId, long estimate) {
        String id = UUID.randomUUID().toString();
        tasks.register(id, new TaskRegistration(projectId, null, null, null, null, TaskEstimate.of(null, estimate),
                10_000, null, null));
        return id;
    }
}

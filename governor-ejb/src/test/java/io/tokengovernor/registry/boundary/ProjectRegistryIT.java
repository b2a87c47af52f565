package io.tokengovernor.registry.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.ConflictException;
import io.tokengovernor.FreshTransaction;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.ServicesDeployment;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.ProjectChange;
import io.tokengovernor.registry.entity.ProjectRegistration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every read-back runs in a transaction of its own, so it sees the database, not the caller's entity. */
@ExtendWith(ArquillianExtension.class)
class ProjectRegistryIT {

    private static final String STORED_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Deployment
    static WebArchive deployment() {
        return ServicesDeployment.create();
    }

    @Inject
    ProjectRegistry projects;

    @Inject
    FreshTransaction fresh;

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Test
    void a_registered_project_is_stored_with_every_field_and_millisecond_timestamps() {
        String id = UUID.randomUUID().toString();
        ProjectRegistration registration = new ProjectRegistration("Atlas " + id, "ops@example.org", 1, 250_000,
                BudgetWindow.DAILY, 200_000L, "https://hooks.example.org/atlas", "hook-secret");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Registered<Project> registered = projects.register(id, registration);

        Instant after = Instant.now();
        assertThat(registered.created()).isTrue();
        Project stored = projects.get(id);
        assertThat(stored.getId()).isEqualTo(id);
        assertThat(stored.getName()).isEqualTo("Atlas " + id);
        assertThat(stored.getOwner()).isEqualTo("ops@example.org");
        assertThat(stored.getTier()).isEqualTo(1);
        assertThat(stored.getTokenBudget()).isEqualTo(250_000);
        assertThat(stored.getBudgetWindow()).isEqualTo(BudgetWindow.DAILY);
        assertThat(stored.getSoftLimit()).isEqualTo(200_000L);
        assertThat(stored.getWebhookUrl()).isEqualTo("https://hooks.example.org/atlas");
        assertThat(stored.differencesFrom(registration)).as("webhook secret included").isEmpty();
        assertThat(stored.getUsedTokens()).isZero();
        assertThat(stored.getReservedTokens()).isZero();
        assertThat(stored.getCreatedAt())
                .isEqualTo(registered.entity().getCreatedAt())
                .isEqualTo(stored.getCreatedAt().truncatedTo(ChronoUnit.MILLIS))
                .isBetween(before, after);
        assertThat(stored.getUpdatedAt()).isEqualTo(stored.getCreatedAt());
        String createdText = storedText("created_at", id);
        assertThat(createdText).matches(STORED_INSTANT);
        assertThat(Instant.parse(createdText)).isEqualTo(stored.getCreatedAt());
        assertThat(storedText("updated_at", id)).matches(STORED_INSTANT);
    }

    @Test
    void the_same_id_with_identical_content_returns_the_stored_project_without_touching_it() throws Exception {
        String id = UUID.randomUUID().toString();
        ProjectRegistration registration = registration("Borealis " + id, 1, 100_000);
        Project first = projects.register(id, registration).entity();
        Thread.sleep(5);

        Registered<Project> again = projects.register(id, new ProjectRegistration("Borealis " + id,
                "ops@example.org", 1, 100_000, null, null, null, null));

        assertThat(again.created()).isFalse();
        assertThat(again.entity().getId()).isEqualTo(id);
        assertThat(again.entity().getUpdatedAt()).isEqualTo(first.getUpdatedAt());
        assertThat(projects.get(id).getUpdatedAt()).isEqualTo(first.getUpdatedAt());
    }

    @Test
    void the_same_id_with_another_budget_is_a_conflict_naming_the_field_and_changes_nothing() {
        String id = UUID.randomUUID().toString();
        Project first = projects.register(id, registration("Cygnus " + id, 2, 100_000)).entity();

        assertThatThrownBy(() -> projects.register(id, registration("Cygnus " + id, 2, 999_999)))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("differs in tokenBudget.")
                .extracting(e -> ((ConflictException) e).problemType()).isEqualTo("registration-conflict");

        Project stored = projects.get(id);
        assertThat(stored.getTokenBudget()).isEqualTo(100_000);
        assertThat(stored.getUpdatedAt()).isEqualTo(first.getUpdatedAt());
    }

    @Test
    void a_change_updates_only_the_fields_it_names() throws Exception {
        String id = UUID.randomUUID().toString();
        Project first = projects.register(id, new ProjectRegistration("Draco " + id, "ops@example.org", 1, 100_000,
                BudgetWindow.WEEKLY, 80_000L, "https://hooks.example.org/draco", null)).entity();
        Thread.sleep(5);

        projects.change(id, new ProjectChange(null, null, 2, 400_000L, null, null, null, null, null));

        Project stored = projects.get(id);
        assertThat(stored.getTier()).isEqualTo(2);
        assertThat(stored.getTokenBudget()).isEqualTo(400_000);
        assertThat(stored.getName()).isEqualTo("Draco " + id);
        assertThat(stored.getOwner()).isEqualTo("ops@example.org");
        assertThat(stored.getBudgetWindow()).isEqualTo(BudgetWindow.WEEKLY);
        assertThat(stored.getSoftLimit()).isEqualTo(80_000L);
        assertThat(stored.getWebhookUrl()).isEqualTo("https://hooks.example.org/draco");
        assertThat(stored.getCreatedAt()).isEqualTo(first.getCreatedAt());
        assertThat(stored.getUpdatedAt()).isAfter(first.getUpdatedAt());
    }

    @Test
    void a_change_naming_no_field_or_an_unknown_project_is_refused() {
        String id = UUID.randomUUID().toString();
        projects.register(id, registration("Eridanus " + id, 1, 100_000));

        assertThatThrownBy(() -> projects.change(id, new ProjectChange(null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> projects.change(UUID.randomUUID().toString(),
                new ProjectChange("Fornax", null, null, null, null, null, null, null, null)))
                .isInstanceOf(UnknownEntityException.class);
    }

    @Test
    void a_listing_pages_through_the_matching_projects_in_order() {
        String marker = marker();
        registerFive(marker);
        Map<String, String> byMarker = Map.of("name", marker);

        Page<Project> first = projects.list(new Listing(byMarker, "name", true, 0, 2));
        Page<Project> second = projects.list(new Listing(byMarker, "name", true, 1, 2));
        Page<Project> last = projects.list(new Listing(byMarker, "name", true, 2, 2));
        Page<Project> beyond = projects.list(new Listing(byMarker, "name", true, 3, 2));

        assertThat(names(first)).containsExactly(marker + " alpha", marker + " bravo");
        assertThat(names(second)).containsExactly(marker + " charlie", marker + " delta");
        assertThat(names(last)).containsExactly(marker + " echo");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), last.total(), beyond.total())).containsOnly(5L);
    }

    @Test
    void a_listing_filters_by_name_substring_and_by_tier() {
        String marker = marker();
        registerFive(marker);

        Page<Project> tierTwo = projects.list(new Listing(Map.of("name", marker, "tier", "2"), "name", true, 0, 10));
        Page<Project> charlie = projects.list(new Listing(Map.of("name", marker + " CHAR"), null, true, 0, 10));

        assertThat(names(tierTwo)).containsExactly(marker + " bravo", marker + " delta");
        assertThat(tierTwo.total()).isEqualTo(2);
        assertThat(names(charlie)).containsExactly(marker + " charlie");
    }

    @Test
    void a_listing_sorts_by_the_field_and_direction_asked_for_before_paging() {
        String marker = marker();
        registerFive(marker);
        Map<String, String> byMarker = Map.of("name", marker);

        Page<Project> all = projects.list(new Listing(byMarker, "tokenBudget", false, 0, 10));
        Page<Project> second = projects.list(new Listing(byMarker, "tokenBudget", false, 1, 2));

        assertThat(names(all)).containsExactly(marker + " alpha", marker + " charlie", marker + " echo",
                marker + " delta", marker + " bravo");
        assertThat(names(second)).containsExactly(marker + " echo", marker + " delta");
        assertThatThrownBy(() -> projects.list(new Listing(byMarker, "webhookSecret", true, 0, 10)))
                .isInstanceOf(InvalidRequestException.class);
    }

    /** Five projects whose names share a marker no other test uses: tiers 1,2,1,2,1 and distinct budgets. */
    private void registerFive(String marker) {
        String[] names = {"delta", "alpha", "echo", "bravo", "charlie"};
        int[] tiers = {2, 1, 1, 2, 1};
        long[] budgets = {200, 500, 300, 100, 400};
        for (int i = 0; i < names.length; i++) {
            projects.register(UUID.randomUUID().toString(), registration(marker + " " + names[i], tiers[i], budgets[i]));
        }
    }

    private static ProjectRegistration registration(String name, int tier, long budget) {
        return new ProjectRegistration(name, "ops@example.org", tier, budget, BudgetWindow.NONE, null, null, null);
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> names(Page<Project> page) {
        return page.items().stream().map(Project::getName).toList();
    }

    /** A column as SQLite holds it, read past JPA and its converter. */
    private String storedText(String column, String id) {
        return fresh.read(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select " + column + " from project where id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read project." + column + ": " + e.getMessage(), e);
            }
        });
    }
}

package io.tokengovernor.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GovernorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final GovernanceSettings SETTINGS = new GovernanceSettings(ThresholdSettings.DEFAULTS,
            Duration.ofSeconds(60), ZoneOffset.UTC);

    private final AtomicInteger ids = new AtomicInteger();
    private final Governor governor = new Governor(SETTINGS, () -> "r" + ids.incrementAndGet());
    private int events;

    private void running(String taskId, String projectId, String packageId, Integer tier, long budget) {
        governor.task(taskId, projectId, packageId, null, null, tier, 3_000, budget);
        governor.move(taskId, TaskState.RUNNING);
    }

    private Governor.Outcome<Governor.Recorded> spend(String taskId, long tokens, String reservationId, Instant at) {
        return governor.record(List.of(new Usage("e" + events++, taskId, at, tokens, reservationId)), at);
    }

    private static long count(List<Fact> facts, Class<? extends Fact> kind) {
        return facts.stream().filter(kind::isInstance).count();
    }

    @Test
    void a_granted_reservation_holds_at_every_level_and_usage_naming_it_settles_it() {
        governor.project("p", 10_000, BudgetWindow.NONE, 2, null);
        governor.taskPackage("k", "p");
        running("t", "p", "k", null, 1_000);

        Governor.Outcome<Governor.Reservation> held = governor.reserve("t", 400, 300, T0);

        assertThat(held.value().granted()).isTrue();
        assertThat(held.value().expiresAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(held.facts()).first().isEqualTo(new Fact.ReservationHeld("r1", "t", "k", "p", 400, T0,
                T0.plusSeconds(300)));
        assertThat(governor.findTask("t").orElseThrow().reserved()).isEqualTo(400);
        assertThat(governor.findPackage("k").orElseThrow().reserved()).isEqualTo(400);
        assertThat(governor.findProject("p").orElseThrow().reserved()).isEqualTo(400);

        Governor.Outcome<Governor.Recorded> settled = spend("t", 350, "r1", T0.plusSeconds(5));

        assertThat(settled.value().accepted()).isEqualTo(1);
        assertThat(settled.facts()).contains(new Fact.ReservationClosed("r1", "t", "k", "p", 400,
                Fact.ReservationEnd.SETTLED, T0.plusSeconds(5)));
        LiveTask task = governor.findTask("t").orElseThrow();
        assertThat(task.used()).isEqualTo(350);
        assertThat(task.reserved()).isZero();
        assertThat(governor.findProject("p").orElseThrow().reserved()).isZero();
        assertThat(governor.heldReservations()).isEmpty();
    }

    @Test
    void a_refusal_holds_nothing_makes_a_pause_due_and_the_pause_takes_effect_after_the_grace() {
        governor.project("p", 10_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);
        spend("t", 800, null, T0);

        Governor.Outcome<Governor.Reservation> refused = governor.reserve("t", 300, 300, T0.plusSeconds(1));

        assertThat(refused.value().granted()).isFalse();
        assertThat(refused.value().reason()).isEqualTo("task budget: not enough tokens left for 300");
        assertThat(refused.value().directive().action()).isEqualTo(DirectiveAction.CHECKPOINT);
        assertThat(refused.value().directive().reason()).startsWith("reservation denied: task budget");
        assertThat(refused.facts()).contains(new Fact.PauseDue("t", PauseCause.TASK, T0.plusSeconds(1)));
        assertThat(count(refused.facts(), Fact.ReservationHeld.class)).isZero();
        LiveTask task = governor.findTask("t").orElseThrow();
        assertThat(task.reserved()).isZero();
        // the checkpoint was asked at 90 % (800 used): the grace counts from then
        assertThat(task.checkpointRequestedAt()).isEqualTo(T0);
        assertThat(governor.nextGraceEnd(T0.plusSeconds(1))).contains(T0.plusSeconds(60));

        assertThat(governor.sweep(T0.plusSeconds(59)).value().paused()).isZero();
        Governor.Outcome<Governor.Swept> swept = governor.sweep(T0.plusSeconds(60));

        assertThat(swept.value().paused()).isEqualTo(1);
        assertThat(task.state()).isEqualTo(TaskState.QUEUED);
        assertThat(task.waitsForOwnBudget()).isTrue();
        assertThat(swept.facts()).contains(new Fact.Paused("t", "p",
                "a pause is due since " + T0.plusSeconds(1) + " (a reservation was refused)", true, true,
                T0.plusSeconds(60)));
        assertThatThrownBy(() -> governor.reserve("t", 1, 300, T0.plusSeconds(61)))
                .isInstanceOfSatisfying(GovernanceException.class,
                        e -> assertThat(e.kind()).isEqualTo(GovernanceException.Kind.STATE));
    }

    @Test
    void a_checkpoint_is_asked_once_per_cycle_at_the_threshold_and_a_resume_starts_a_new_cycle() {
        governor.project("p", 100_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);

        assertThat(count(spend("t", 100, null, T0).facts(), Fact.CheckpointRequested.class)).isZero();
        // p90 step 100 → threshold min(0.9, 1 − 100/1000) = 0.9; 900 used reaches it
        List<Fact> crossing = spend("t", 800, null, T0.plusSeconds(1)).facts();
        assertThat(crossing).filteredOn(Fact.CheckpointRequested.class::isInstance).singleElement()
                .extracting(fact -> ((Fact.CheckpointRequested) fact).reason()).isEqualTo(CheckpointReason.THRESHOLD);
        assertThat(count(spend("t", 10, null, T0.plusSeconds(2)).facts(), Fact.CheckpointRequested.class)).isZero();

        // a spent budget with no grace left pauses at once
        spend("t", 200, null, T0.plusSeconds(120));
        LiveTask task = governor.findTask("t").orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.QUEUED);

        governor.taskBudget("t", 5_000);
        assertThat(governor.resume("t", "resumed", false, T0.plusSeconds(200)).value()).isTrue();
        assertThat(task.checkpointState()).isEqualTo(CheckpointState.NONE);
        assertThat(task.pauseDueAt()).isNull();
        assertThat(governor.resume("t", "again", false, T0.plusSeconds(201)).value()).isFalse();
    }

    @Test
    void the_adaptive_threshold_leaves_one_typical_step_before_the_budget() {
        governor.project("p", 100_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);
        for (int i = 0; i < 3; i++) {
            spend("t", 150, null, T0.plusSeconds(i));
        }
        // p90 of three calls of 150 → threshold 1 − 150/1000 = 0.85; 450 used is below it
        assertThat(governor.directive("t", T0.plusSeconds(5)).threshold()).isEqualTo(0.85);
        assertThat(governor.findTask("t").orElseThrow().typicalStep()).isEqualTo(150);
    }

    @Test
    void a_task_with_few_calls_measures_its_step_on_its_agent_type_in_the_project() {
        governor.project("p", 100_000, BudgetWindow.NONE, 2, null);
        governor.task("a", "p", null, "agent-a", "coder", null, 3_000, 10_000);
        governor.task("b", "p", null, "agent-b", "coder", null, 3_000, 1_000);
        for (int i = 0; i < 5; i++) {
            spend("a", 400, null, T0.plusSeconds(i));
        }
        spend("b", 10, null, T0.plusSeconds(10));

        assertThat(governor.findTask("b").orElseThrow().typicalStep()).isEqualTo(400);
        assertThat(governor.directive("b", T0.plusSeconds(11)).threshold()).isEqualTo(0.6);
    }

    @Test
    void a_refusal_for_package_tokens_makes_the_rest_of_the_package_due_to_pause() {
        governor.project("p", 100_000, BudgetWindow.NONE, 2, null);
        governor.taskPackage("k", "p");
        running("a", "p", "k", null, 1_000);
        running("b", "p", "k", null, 1_000);
        running("c", "p", "k", null, 1_000);
        // a finished a step past its own budget (usage without a reservation): the package (3,000) has 1,500 left
        spend("a", 1_500, null, T0);
        assertThat(governor.findTask("a").orElseThrow().pauseCause()).isEqualTo(PauseCause.TASK);

        Governor.Outcome<Governor.Reservation> refused = governor.reserve("b", 600, 300, T0.plusSeconds(1));
        assertThat(refused.value().granted()).isTrue();
        refused = governor.reserve("b", 400, 300, T0.plusSeconds(2));
        assertThat(refused.value().granted()).isTrue();
        refused = governor.reserve("c", 600, 300, T0.plusSeconds(3));

        assertThat(refused.value().reason()).isEqualTo("package budget: not enough tokens left for 600");
        assertThat(governor.findTask("c").orElseThrow().pauseCause()).isEqualTo(PauseCause.PACKAGE);
        assertThat(governor.findTask("b").orElseThrow().pauseCause()).isEqualTo(PauseCause.PACKAGE);
        assertThat(governor.findTask("a").orElseThrow().pauseCause()).isEqualTo(PauseCause.TASK);
        assertThat(refused.facts()).contains(new Fact.PauseDue("b", PauseCause.PACKAGE, T0.plusSeconds(3)));
    }

    @Test
    void tier_one_work_preempts_tier_two_reservations_when_that_makes_room() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("low", "p", null, 2, 10_000);
        running("high", "p", null, 1, 10_000);
        assertThat(governor.reserve("low", 700, 300, T0).value().granted()).isTrue();

        Governor.Outcome<Governor.Reservation> preempting = governor.reserve("high", 500, 300, T0.plusSeconds(1));

        assertThat(preempting.value().granted()).isTrue();
        LiveTask low = governor.findTask("low").orElseThrow();
        assertThat(low.state()).isEqualTo(TaskState.QUEUED);
        assertThat(low.reserved()).isZero();
        assertThat(preempting.facts()).filteredOn(Fact.CheckpointRequested.class::isInstance)
                .extracting(fact -> ((Fact.CheckpointRequested) fact).reason())
                .containsExactly(CheckpointReason.PREEMPTIVE, CheckpointReason.PAUSE);
        assertThat(governor.findProject("p").orElseThrow().reserved()).isEqualTo(500);
    }

    @Test
    void nothing_is_preempted_when_even_that_would_not_make_room() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("low", "p", null, 2, 10_000);
        running("high", "p", null, 1, 10_000);
        assertThat(governor.reserve("low", 300, 300, T0).value().granted()).isTrue();
        spend("high", 600, null, T0);

        Governor.Outcome<Governor.Reservation> refused = governor.reserve("high", 500, 300, T0.plusSeconds(1));

        assertThat(refused.value().granted()).isFalse();
        assertThat(refused.value().reason()).isEqualTo("project budget: not enough tokens left in the current budget"
                + " for 500");
        assertThat(governor.findTask("low").orElseThrow().state()).isEqualTo(TaskState.RUNNING);
        assertThat(governor.findTask("low").orElseThrow().reserved()).isEqualTo(300);
    }

    @Test
    void a_new_daily_window_gives_the_project_its_budget_again_and_starts_a_new_cycle() {
        governor.project("p", 1_000, BudgetWindow.DAILY, 2, null);
        running("t", "p", null, null, 1_000_000);
        spend("t", 950, null, T0);
        LiveTask task = governor.findTask("t").orElseThrow();
        assertThat(task.checkpointState()).isEqualTo(CheckpointState.REQUESTED);
        assertThat(governor.reserve("t", 100, 300, T0.plusSeconds(1)).value().granted()).isFalse();

        Instant tomorrow = Instant.parse("2026-03-03T00:00:10Z");
        Governor.Outcome<Governor.Reservation> next = governor.reserve("t", 100, 300, tomorrow);

        assertThat(next.value().granted()).isTrue();
        assertThat(next.facts()).contains(new Fact.CycleStarted("t", tomorrow));
        assertThat(task.pauseDueAt()).isNull();
        assertThat(governor.findProject("p").orElseThrow().current(tomorrow, ZoneOffset.UTC).used()).isZero();
    }

    @Test
    void a_rolling_window_opens_at_the_hour_of_the_first_activity_and_lasts_five_hours() {
        governor.project("p", 1_000, BudgetWindow.ROLLING_5H, 2, null);
        running("t", "p", null, null, 1_000_000);
        Instant first = Instant.parse("2026-03-02T10:42:00Z");
        spend("t", 300, null, first);
        spend("t", 200, null, first.plus(Duration.ofHours(4)));
        spend("t", 100, null, first.plus(Duration.ofHours(5)));

        assertThat(governor.findProject("p").orElseThrow().windows()).containsExactly(
                java.util.Map.entry(Instant.parse("2026-03-02T10:00:00Z"), 500L),
                java.util.Map.entry(Instant.parse("2026-03-02T15:00:00Z"), 100L));
    }

    @Test
    void expired_reservations_are_given_back_and_free_their_project_tokens() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);
        governor.reserve("t", 100, 10, T0);
        governor.reserve("t", 100, 60, T0);

        Governor.Outcome<Governor.Swept> swept = governor.sweep(T0.plusSeconds(10));

        assertThat(swept.value().expired()).isEqualTo(1);
        assertThat(swept.facts()).contains(new Fact.TokensFreed("p", "reservation expired"));
        assertThat(governor.findTask("t").orElseThrow().reserved()).isEqualTo(100);
        assertThat(governor.release("t", "r2", T0.plusSeconds(11)).value()).isEqualTo(100);
        assertThat(governor.release("t", "r2", T0.plusSeconds(12)).value()).isZero();
    }

    @Test
    void a_repeated_event_id_counts_once_and_a_batch_naming_an_unknown_task_counts_nothing() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);
        Usage usage = new Usage("same", "t", T0, 100, null);

        assertThat(governor.record(List.of(usage, usage), T0).value().accepted()).isEqualTo(1);
        assertThat(governor.record(List.of(usage), T0).value().duplicates()).isEqualTo(1);
        assertThatThrownBy(() -> governor.record(List.of(new Usage("x", "t", T0, 5, null),
                new Usage("y", "nobody", T0, 5, null)), T0)).isInstanceOf(GovernanceException.class);
        assertThat(governor.findTask("t").orElseThrow().used()).isEqualTo(100);
    }

    @Test
    void a_pause_by_hand_gives_back_what_the_task_holds_and_is_flagged_without_a_checkpoint() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);
        governor.reserve("t", 100, 60, T0);

        Governor.Outcome<Boolean> paused = governor.pause("t", "by hand", T0.plusSeconds(1));

        assertThat(paused.value()).isTrue();
        LiveTask task = governor.findTask("t").orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.PAUSED);
        assertThat(task.reserved()).isZero();
        assertThat(task.pausedWithoutCheckpoint()).isTrue();
        assertThat(paused.facts()).contains(new Fact.CheckpointRequested("t", "p", CheckpointReason.PAUSE, null,
                T0.plusSeconds(1)));
        assertThat(governor.checkpointSaved("t", T0.plusSeconds(2)).value().action())
                .isEqualTo(DirectiveAction.PAUSE);
        assertThat(task.pausedWithoutCheckpoint()).isFalse();
    }

    @Test
    void bad_commands_are_refused_and_change_nothing() {
        governor.project("p", 1_000, BudgetWindow.NONE, 2, null);
        running("t", "p", null, null, 1_000);

        assertThatThrownBy(() -> governor.reserve("t", 0, 60, T0)).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.subject()).isEqualTo("tokens"));
        assertThatThrownBy(() -> governor.reserve("t", 1, 3_601, T0))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.subject()).isEqualTo("ttlSeconds"));
        assertThatThrownBy(() -> governor.reserve("none", 1, 60, T0))
                .isInstanceOfSatisfying(GovernanceException.class,
                        e -> assertThat(e.kind()).isEqualTo(GovernanceException.Kind.UNKNOWN));
        assertThat(governor.findTask("t").orElseThrow().reserved()).isZero();
        assertThat(governor.heldReservations()).isEmpty();
    }
}

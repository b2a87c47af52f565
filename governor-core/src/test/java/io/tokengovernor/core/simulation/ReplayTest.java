package io.tokengovernor.core.simulation;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.scheduler.SchedulerRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    /** {@code count} calls of {@code tokens} by one task, a minute apart from {@code start}. */
    private static List<Call> calls(String task, Instant start, int count, long tokens) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(new Call(start.plusSeconds(60L * i), "p", task, tokens));
        }
        return calls;
    }

    private static Policy taskBudget(long budget) {
        return Policy.of(budget, 0).withGrace(0);
    }

    @Test
    void a_checkpoint_is_requested_once_the_threshold_is_reached_and_only_once_per_cycle() {
        assertThat(new Replay(calls("s", MONDAY, 8, 100)).under(taskBudget(1000)).checkpoints()).isZero();
        assertThat(new Replay(calls("s", MONDAY, 9, 100)).under(taskBudget(1000)).checkpoints()).isEqualTo(1);
        assertThat(new Replay(calls("s", MONDAY, 12, 100)).under(taskBudget(1000)).checkpoints()).isEqualTo(1);
    }

    @Test
    void a_task_pauses_when_its_budget_is_spent_and_its_later_calls_are_overshoot_prevented() {
        SimulationReport report = new Replay(calls("s", MONDAY, 12, 100)).under(taskBudget(1000));

        assertThat(report.pauses()).isEqualTo(1);
        assertThat(report.tokens()).isEqualTo(1000);
        assertThat(report.overshootPreventedTokens()).isEqualTo(200);
        assertThat(report.overshootTokens()).isZero();
        assertThat(report.worstTask()).isEqualTo("s");
        assertThat(report.worstTaskTokens()).isEqualTo(200);
    }

    @Test
    void a_call_that_does_not_fit_is_denied_before_it_is_spent() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 9, 100));
        calls.add(new Call(MONDAY.plusSeconds(3600), "p", "s", 500));

        SimulationReport report = new Replay(calls).under(taskBudget(1000));

        assertThat(report.tokens()).isEqualTo(900);
        assertThat(report.pauses()).isEqualTo(1);
        assertThat(report.overshootPreventedTokens()).isEqualTo(500);
    }

    @Test
    void the_worst_overshoot_is_the_task_that_would_have_spent_most_past_its_budget() {
        List<Call> calls = new ArrayList<>(calls("a", MONDAY, 12, 100));
        calls.addAll(calls("b", MONDAY.plusSeconds(30), 15, 100));
        calls.sort((x, y) -> x.at().compareTo(y.at()));

        SimulationReport report = new Replay(calls).under(taskBudget(1000));

        assertThat(report.pauses()).isEqualTo(2);
        assertThat(report.overshootPreventedTokens()).isEqualTo(700);
        assertThat(report.worstTask()).isEqualTo("b");
        assertThat(report.worstTaskTokens()).isEqualTo(500);
    }

    @Test
    void a_spent_project_budget_pauses_every_task_of_that_project_but_not_others() {
        List<Call> calls = new ArrayList<>(calls("a", MONDAY, 6, 100));
        calls.addAll(calls("b", MONDAY.plusSeconds(30), 6, 100));
        calls.add(new Call(MONDAY.plusSeconds(3600), "other", "c", 100));
        calls.sort((x, y) -> x.at().compareTo(y.at()));

        SimulationReport report = new Replay(calls).under(Policy.of(0, 1000).withGrace(0));

        assertThat(report.tokens()).isEqualTo(1100);
        assertThat(report.pauses()).as("a and b, once each").isEqualTo(2);
        assertThat(report.overshootPreventedTokens()).as("the last call of each").isEqualTo(200);
    }

    @Test
    void calls_during_the_checkpoint_grace_are_spent_and_count_as_overshoot_despite_governance() {
        SimulationReport report = new Replay(calls("s", MONDAY, 14, 100)).under(taskBudget(1000).withGrace(300));

        // checkpoint at the 9th call (minute 8), pause effective at minute 13: calls at minutes 10-12 run over
        assertThat(report.overshootTokens()).isEqualTo(300);
        assertThat(report.overshootPreventedTokens()).isEqualTo(100);
        assertThat(report.pauses()).isEqualTo(1);
    }

    @Test
    void a_task_paused_by_its_project_resumes_at_the_window_reset_and_spends_again() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 12, 300));
        calls.addAll(calls("s", Instant.parse("2026-03-03T09:00:00Z"), 3, 300));
        Policy daily = Policy.of(0, 3000).withGrace(0).withWindow(BudgetWindow.DAILY, ZoneOffset.UTC);

        SimulationReport report = new Replay(calls).under(daily);

        assertThat(report.resumes()).isEqualTo(1);
        assertThat(report.tokens()).isEqualTo(3900);
        assertThat(report.timeline()).extracting(SimulationReport.Day::date, SimulationReport.Day::pauses,
                SimulationReport.Day::resumes, SimulationReport.Day::tokens).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 2), 1, 0, 3000L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 3), 0, 1, 900L));
    }

    @Test
    void a_task_that_spent_its_own_budget_waits_for_a_raise_not_for_a_window_reset() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 12, 100));
        calls.addAll(calls("s", Instant.parse("2026-03-03T09:00:00Z"), 3, 100));
        Policy daily = taskBudget(1000).withWindow(BudgetWindow.DAILY, ZoneOffset.UTC);

        SimulationReport report = new Replay(calls).under(daily);

        assertThat(report.resumes()).isZero();
        assertThat(report.overshootPreventedTokens()).isEqualTo(500);
    }

    @Test
    void without_a_window_nothing_frees_tokens_and_nothing_resumes() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 12, 100));
        calls.addAll(calls("s", Instant.parse("2026-03-03T09:00:00Z"), 3, 100));

        SimulationReport report = new Replay(calls).under(taskBudget(1000));

        assertThat(report.resumes()).isZero();
        assertThat(report.overshootPreventedTokens()).isEqualTo(500);
    }

    @Test
    void work_resumes_only_when_its_project_has_the_remaining_estimate_times_the_safety_factor() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 12, 150));
        calls.add(new Call(Instant.parse("2026-03-03T09:00:00Z"), "p", "s", 100));
        Policy policy = Policy.of(0, 1500).withGrace(0).withWindow(BudgetWindow.DAILY, ZoneOffset.UTC);

        // paused at 1,500 used of the 3,000 estimated: 1,500 remain
        assertThat(new Replay(calls).under(policy.tuned(0.9, 1.2)).resumes()).as("1500 × 1.2 > 1500").isZero();
        assertThat(new Replay(calls).under(policy.tuned(0.9, 1.0)).resumes()).isEqualTo(1);
    }

    @Test
    void resumes_keep_to_the_rate_limit_and_the_rest_resume_at_a_later_pass() {
        List<Call> calls = new ArrayList<>();
        for (String task : List.of("a", "b", "c")) {
            calls.addAll(calls(task, MONDAY, 4, 1000));
        }
        calls.sort((x, y) -> x.at().compareTo(y.at()));
        Policy policy = Policy.of(0, 9000).withGrace(0).withWindow(BudgetWindow.DAILY, ZoneOffset.UTC)
                .withRules(new SchedulerRules(2, 1.2, 2, true, 0.5, 10));
        List<Call> early = new ArrayList<>(calls);
        early.add(new Call(Instant.parse("2026-03-03T00:00:30Z"), "p", "a", 1));
        List<Call> late = new ArrayList<>(calls);
        late.add(new Call(Instant.parse("2026-03-03T00:05:00Z"), "p", "a", 1));

        assertThat(new Replay(early).under(policy).resumes()).isEqualTo(2);
        assertThat(new Replay(late).under(policy).resumes()).isEqualTo(3);
    }

    @Test
    void a_rolling_window_frees_the_budget_five_hours_after_it_opened() {
        List<Call> calls = new ArrayList<>(calls("s", MONDAY, 12, 300));
        calls.add(new Call(MONDAY.plusSeconds(4 * 3600 + 59 * 60), "p", "s", 300));
        calls.add(new Call(MONDAY.plusSeconds(5 * 3600 + 60), "p", "s", 300));
        Policy rolling = Policy.of(0, 3000).withGrace(0).withWindow(BudgetWindow.ROLLING_5H, ZoneOffset.UTC);

        SimulationReport report = new Replay(calls).under(rolling);

        assertThat(report.resumes()).isEqualTo(1);
        assertThat(report.overshootPreventedTokens()).isEqualTo(900);
        assertThat(report.tokens()).isEqualTo(3300);
    }

    @Test
    void the_timeline_dates_days_in_the_policy_zone() {
        List<Call> calls = List.of(new Call(Instant.parse("2026-03-02T23:30:00Z"), "p", "s", 10));

        SimulationReport paris = new Replay(calls).under(taskBudget(1000)
                .withWindow(BudgetWindow.NONE, ZoneId.of("Europe/Paris")));

        assertThat(paris.timeline()).extracting(SimulationReport.Day::date).containsExactly(LocalDate.of(2026, 3, 3));
    }

    @Test
    void huge_budgets_leave_nothing_to_govern() {
        List<Call> calls = calls("s", MONDAY, 50, 1000);

        SimulationReport report = new Replay(calls).under(Policy.of(1_000_000_000, 1_000_000_000));

        assertThat(report.checkpoints() + report.pauses() + report.resumes()).isZero();
        assertThat(report.overshootPreventedTokens()).isZero();
        assertThat(report.worstTask()).isNull();
        assertThat(report.tokens()).isEqualTo(50_000);
    }
}

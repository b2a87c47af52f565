package io.tokengovernor.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests by seeded random interleavings: several obeying agents of one project (some in packages, tier 1
 * and tier 2) reserve, spend, release, get paused, swept, preempted and resumed while time moves across windows.
 * An obeying agent spends only what it reserved, except the one step it is finishing when a reservation is
 * refused during its checkpoint grace (the documented overshoot: at most one step per refusal). A failing seed
 * reproduces the run exactly.
 */
class GovernorInterleavingTest {

    private static final int STEPS = 400;
    private static final long MAX_STEP = 2_000;
    private static final Instant START = Instant.parse("2026-03-01T21:30:00Z");

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void no_level_goes_past_its_budget_by_more_than_the_steps_finished_in_a_grace_and_counters_equal_the_events(
            long seed) {
        new Run(new Random(seed)).play();
    }

    private static final class Run {

        private final Random random;
        private final Governor governor;
        private final List<String> tasks = new ArrayList<>();
        private final Map<String, String> packageOf = new HashMap<>();
        /** Unreserved tokens spent per task, package, and project window ({@code "p@" + start}). */
        private final Map<String, Long> graceSpent = new HashMap<>();
        /** Tokens of the usage events the engine reported counting, by the same keys and by task. */
        private final Map<String, Long> counted = new HashMap<>();
        private final Set<String> held = new HashSet<>();
        private final Set<Instant> graceStepTaken = new HashSet<>();
        private Instant now = START;
        private int events;

        Run(Random random) {
            this.random = random;
            this.governor = new Governor(new GovernanceSettings(ThresholdSettings.DEFAULTS,
                    Duration.ofSeconds(new long[] {0, 60, 900}[random.nextInt(3)]), ZoneOffset.UTC));
            BudgetWindow window = BudgetWindow.values()[random.nextInt(3)]; // NONE, ROLLING_5H, DAILY
            governor.project("p", 5_000 + random.nextInt(40_000), window, 2, null);
            governor.taskPackage("k1", "p");
            governor.taskPackage("k2", "p");
            for (int i = 0; i < 6; i++) {
                String id = "t" + i;
                String packageId = i < 2 ? "k1" : i < 4 ? "k2" : null;
                governor.task(id, "p", packageId, "a" + i, i % 2 == 0 ? "coder" : null, 1 + random.nextInt(2),
                        3_000, 1_000 + random.nextInt(15_000));
                governor.move(id, TaskState.RUNNING);
                tasks.add(id);
                packageOf.put(id, packageId);
            }
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                String task = tasks.get(random.nextInt(tasks.size()));
                int action = random.nextInt(100);
                if (action < 65) {
                    call(task);
                } else if (action < 70) {
                    governor.findTask(task).orElseThrow();
                    heldBy(task).stream().findFirst().ifPresent(id -> observe(governor.release(task, id, now).facts()));
                } else if (action < 80) {
                    observe(governor.sweep(now).facts());
                } else if (action < 92) {
                    now = now.plusSeconds(1 + random.nextInt(random.nextBoolean() ? 120 : 4 * 3_600));
                } else if (action < 97) {
                    observe(governor.resume(task, "resumed", true, now).facts());
                } else if (action < 99) {
                    LiveTask live = governor.findTask(task).orElseThrow();
                    governor.taskBudget(task, live.budget() + random.nextInt(3_000));
                } else {
                    observe(governor.pause(task, "by hand", now).facts());
                }
                check();
            }
        }

        private void call(String task) {
            LiveTask live = governor.findTask(task).orElseThrow();
            if (live.state() == TaskState.PAUSED || live.state() == TaskState.QUEUED) {
                return; // obeying: a paused agent does not call
            }
            long tokens = 1 + random.nextInt((int) MAX_STEP);
            Governor.Outcome<Governor.Reservation> answer = governor.reserve(task, tokens, 1 + random.nextInt(600),
                    now);
            observe(answer.facts());
            Governor.Reservation reservation = answer.value();
            if (reservation.granted()) {
                assertThat(reservation.directive().action()).isNotNull();
                if (random.nextInt(10) > 0) { // sometimes the agent dies and the reservation expires
                    spend(task, random.nextInt((int) tokens + 1), reservation.reservationId());
                }
            } else if (reservation.directive().action() == DirectiveAction.CHECKPOINT
                    && graceStepTaken.add(live.pauseDueAt())) {
                long finishing = 1 + random.nextInt((int) MAX_STEP);
                for (Fact fact : spend(task, finishing, null)) {
                    if (fact instanceof Fact.UsageCounted usage) {
                        graceSpent.merge(task, finishing, Long::sum);
                        if (usage.packageId() != null) {
                            graceSpent.merge(usage.packageId(), finishing, Long::sum);
                        }
                        graceSpent.merge("p@" + usage.windowStart(), finishing, Long::sum);
                    }
                }
            }
        }

        private List<Fact> spend(String task, long tokens, String reservationId) {
            List<Fact> facts = governor.record(List.of(new Usage("e" + events++, task, now, tokens, reservationId)),
                    now).facts();
            observe(facts);
            return facts;
        }

        private void observe(List<Fact> facts) {
            for (Fact fact : facts) {
                if (fact instanceof Fact.UsageCounted usage) {
                    counted.merge(usage.taskId(), usage.tokens(), Long::sum);
                    if (usage.packageId() != null) {
                        counted.merge(usage.packageId(), usage.tokens(), Long::sum);
                    }
                    counted.merge("p", usage.tokens(), Long::sum);
                    counted.merge("p@" + usage.windowStart(), usage.tokens(), Long::sum);
                } else if (fact instanceof Fact.ReservationHeld reservation) {
                    assertThat(held.add(reservation.reservationId())).isTrue();
                } else if (fact instanceof Fact.ReservationClosed reservation) {
                    assertThat(held.remove(reservation.reservationId())).isTrue();
                }
            }
        }

        private List<String> heldBy(String task) {
            return governor.heldReservations().stream().filter(r -> r.taskId().equals(task))
                    .map(LiveReservation::id).toList();
        }

        private void check() {
            LiveProject project = governor.findProject("p").orElseThrow();
            LiveProject.Window window = project.current(now, ZoneOffset.UTC);
            String windowKey = "p@" + window.start();
            assertThat(window.used() + project.reserved()).as("project window")
                    .isLessThanOrEqualTo(project.budget() + graceSpent.getOrDefault(windowKey, 0L));
            for (String packageId : List.of("k1", "k2")) {
                LivePackage taskPackage = governor.findPackage(packageId).orElseThrow();
                assertThat(taskPackage.used() + taskPackage.reserved()).as(packageId)
                        .isLessThanOrEqualTo(taskPackage.budget() + graceSpent.getOrDefault(packageId, 0L));
                assertThat(taskPackage.used()).isEqualTo(counted.getOrDefault(packageId, 0L));
                assertThat(taskPackage.reserved()).isEqualTo(heldTokens(r -> packageId.equals(r.packageId())));
            }
            for (String id : tasks) {
                LiveTask task = governor.findTask(id).orElseThrow();
                assertThat(task.used() + task.reserved()).as(id)
                        .isLessThanOrEqualTo(task.budget() + graceSpent.getOrDefault(id, 0L));
                assertThat(task.used()).isEqualTo(counted.getOrDefault(id, 0L));
                assertThat(task.reserved()).isEqualTo(heldTokens(r -> r.taskId().equals(id)));
            }
            assertThat(project.used()).isEqualTo(counted.getOrDefault("p", 0L));
            assertThat(project.reserved()).isEqualTo(heldTokens(r -> true));
            project.windows().forEach((start, used) -> assertThat(used).isEqualTo(counted.get("p@" + start)));
            assertThat(governor.heldReservations()).extracting(LiveReservation::id)
                    .containsExactlyInAnyOrderElementsOf(held);
        }

        private long heldTokens(java.util.function.Predicate<LiveReservation> which) {
            return governor.heldReservations().stream().filter(which).mapToLong(LiveReservation::tokens).sum();
        }
    }
}

package io.tokengovernor.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An engine rebuilt from what its facts and rows say (as a server rebuilds it on start) decides every later command
 * exactly as the engine that ran on: same answers, same facts. Seeded random runs; a failing seed replays exactly.
 */
class GovernorRebuildTest {

    private static final GovernanceSettings SETTINGS = new GovernanceSettings(ThresholdSettings.DEFAULTS,
            Duration.ofSeconds(60), ZoneOffset.UTC);
    private static final List<String> PROJECTS = List.of("p", "q");

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void a_rebuilt_engine_decides_the_rest_of_the_run_as_the_original(long seed) {
        Random random = new Random(seed);
        AtomicInteger ids = new AtomicInteger();
        Governor original = new Governor(SETTINGS, () -> "r" + ids.incrementAndGet());
        List<Usage> ledger = new ArrayList<>();
        original.project("p", 20_000 + random.nextInt(20_000), BudgetWindow.values()[random.nextInt(3)], 2, null);
        original.project("q", 10_000, BudgetWindow.DAILY, 1, new ThresholdSettings(0.8, 0.5, 0.9));
        original.taskPackage("k", "p");
        for (int i = 0; i < 5; i++) {
            original.task("t" + i, i == 4 ? "q" : "p", i < 2 ? "k" : null, "a" + i, i % 2 == 0 ? "coder" : null,
                    i == 3 ? 1 : null, 3_000, 2_000 + random.nextInt(8_000));
            original.move("t" + i, TaskState.RUNNING);
        }
        Script script = new Script(random, Instant.parse("2026-03-01T22:00:00Z"));
        int rebuildAt = 50 + random.nextInt(200);
        for (int step = 0; step < rebuildAt; step++) {
            script.next(original, ledger);
        }
        AtomicInteger rebuiltIds = new AtomicInteger(ids.get());
        Governor rebuilt = new Governor(SETTINGS, () -> "r" + rebuiltIds.incrementAndGet());
        restore(original, rebuilt, ledger);

        for (int step = 0; step < 150; step++) {
            Script.Command command = script.choose(original);
            assertThat(command.apply(rebuilt)).as("step %d after the rebuild: %s", step, command)
                    .isEqualTo(command.apply(original));
        }
    }

    /** What a server would read back: registry rows, window totals, held reservations, the ledger's calls and ids. */
    private static void restore(Governor from, Governor to, List<Usage> ledger) {
        for (String id : PROJECTS) {
            LiveProject project = from.findProject(id).orElseThrow();
            to.project(id, project.budget(), project.window(), project.tier(), project.thresholds());
            project.windows().forEach((start, used) -> to.rebuild().window(id, start, used));
        }
        from.findPackage("k").ifPresent(k -> to.rebuild().taskPackage("k", k.projectId(), k.used()));
        from.tasks().forEach(task -> to.rebuild().task(task.snapshot()));
        from.heldReservations().forEach(reservation -> to.rebuild().held(reservation));
        for (Usage usage : ledger) {
            LiveTask task = from.findTask(usage.taskId()).orElseThrow();
            to.rebuild().call(usage.taskId(), usage.occurredAt(), usage.tokens()).counted(usage.eventId());
            if (task.agentType() != null) {
                to.rebuild().agentTypeCall(task.project().id(), task.agentType(), usage.occurredAt(), usage.tokens());
            }
        }
    }

    /** Random commands of agents, a sweep timer, a scheduler and people, chosen from the original's state. */
    private static final class Script {

        private final Random random;
        private Instant now;
        private int events;

        Script(Random random, Instant start) {
            this.random = random;
            this.now = start;
        }

        void next(Governor governor, List<Usage> ledger) {
            Command command = choose(governor);
            command.apply(governor).facts().stream().filter(Fact.UsageCounted.class::isInstance)
                    .map(Fact.UsageCounted.class::cast)
                    .forEach(fact -> ledger.add(new Usage(fact.eventId(), fact.taskId(), fact.occurredAt(),
                            fact.tokens(), null)));
        }

        Command choose(Governor governor) {
            String task = "t" + random.nextInt(5);
            int action = random.nextInt(100);
            Instant at = now;
            if (action < 10) {
                now = now.plusSeconds(1 + random.nextInt(random.nextBoolean() ? 90 : 6 * 3_600));
                at = now;
            }
            Instant when = at;
            if (action < 45) {
                long tokens = 1 + random.nextInt(1_500);
                int ttl = 1 + random.nextInt(300);
                return new Command("reserve " + task + " " + tokens + " at " + when, g -> g.reserve(task, tokens, ttl,
                        when));
            }
            if (action < 80) {
                List<LiveReservation> held = governor.heldReservations().stream()
                        .filter(r -> r.taskId().equals(task)).toList();
                String reservationId = held.isEmpty() || random.nextInt(4) == 0 ? null : held.get(0).id();
                Usage usage = new Usage("e" + events++, task, when, random.nextInt(1_500), reservationId);
                return new Command("record " + usage, g -> g.record(List.of(usage), when));
            }
            if (action < 88) {
                return new Command("sweep at " + when, g -> g.sweep(when));
            }
            if (action < 94) {
                return new Command("resume " + task, g -> g.resume(task, "resumed", false, when));
            }
            if (action < 97) {
                return new Command("checkpoint " + task, g -> g.checkpointSaved(task, when));
            }
            return new Command("raise " + task, g -> {
                g.taskBudget(task, g.findTask(task).orElseThrow().budget() + 1_000);
                return g.enforce(task, when);
            });
        }

        /** One command, applied alike to either engine; a refusal is part of the answer. */
        record Command(String text, java.util.function.Function<Governor, Governor.Outcome<?>> run) {

            Governor.Outcome<?> apply(Governor governor) {
                try {
                    return run.apply(governor);
                } catch (GovernanceException e) {
                    return new Governor.Outcome<>(e.kind() + ": " + e.getMessage(), List.of());
                }
            }

            @Override
            public String toString() {
                return text;
            }
        }
    }
}

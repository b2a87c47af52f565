package io.tokengovernor.bench.jmh;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.governance.GovernanceSettings;
import io.tokengovernor.core.governance.Governor;
import io.tokengovernor.core.governance.Usage;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.registry.TaskState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The governor engine's own cost on the hot path (issue 11: "server CPU per pair ≤ 0.5 ms"): what deciding costs
 * once nothing else (HTTP, JSON, the database) is counted.
 *
 * <ul>
 * <li>{@link #reserveAndReport} — one reserve + report pair: {@code Governor.reserve} (task → package → project
 *     window, then the directive) and {@code Governor.record} of one event that settles it (counters, window,
 *     typical step, directive), round-robin over {@code tasks} running tasks of 10 DAILY projects, half of them in
 *     packages of 10, one millisecond of clock per pair;</li>
 * <li>{@link #ingestBatch} — {@code Governor.record} of a batch of 100 events without reservations (the
 *     {@code /api/usage/batch} path), spread over 20 tasks.</li>
 * </ul>
 * Budgets are large enough that nothing pauses, so every pair takes the granting path. The engine is built afresh
 * for each iteration (its counted event ids grow with every event).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GovernorEngineBenchmark {

    private static final int PROJECTS = 10;

    @Param({"1000", "10000"})
    int tasks;

    private Governor governor;
    private List<String> ids;
    private Instant now;
    private int next;
    private long events;

    @Setup(Level.Iteration)
    public void build() {
        governor = new Governor(new GovernanceSettings(ThresholdSettings.DEFAULTS, Duration.ofSeconds(60),
                ZoneOffset.UTC));
        ids = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            governor.project("p" + p, 1_000_000_000_000L, BudgetWindow.DAILY, 1 + p % 2, null);
        }
        for (int i = 0; i < tasks; i++) {
            String project = "p" + i % PROJECTS;
            String taskPackage = null;
            if (i % 2 == 0) {
                taskPackage = project + "-k" + i / 20;
                governor.taskPackage(taskPackage, project);
            }
            String id = "t" + i;
            governor.task(id, project, taskPackage, "a" + i, i % 3 == 0 ? "coder" : null, null, 3_000,
                    1_000_000_000L);
            governor.move(id, TaskState.RUNNING);
            ids.add(id);
        }
        now = Instant.parse("2026-03-02T00:00:00Z");
        next = 0;
    }

    @Benchmark
    public Object reserveAndReport() {
        String task = ids.get(next++ % ids.size());
        now = now.plusMillis(1);
        Governor.Outcome<Governor.Reservation> held = governor.reserve(task, 2_000, 300, now);
        return governor.record(List.of(new Usage("e" + events++, task, now, 1_500 + next % 400,
                held.value().reservationId())), now);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(100)
    public Object ingestBatch() {
        now = now.plusMillis(1);
        List<Usage> batch = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            batch.add(new Usage("e" + events++, ids.get((next + i % 20) % ids.size()), now, 1_000 + i, null));
        }
        next += 20;
        return governor.record(batch, now);
    }
}

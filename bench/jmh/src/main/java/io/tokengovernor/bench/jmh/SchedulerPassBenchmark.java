package io.tokengovernor.bench.jmh;

import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.ResumeDecision;
import io.tokengovernor.core.scheduler.ResumeOrder;
import io.tokengovernor.core.scheduler.ResumePlanner;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.scheduler.SkipReason;
import io.tokengovernor.core.scheduler.WorkKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * One scheduler pass (issue 5: "one pass over 100,000 queued tasks, target ≤ 100 ms for the decision"):
 * {@link ResumePlanner#plan} with the default rules and 10 resume slots over a queue of {@code n} items.
 *
 * <p>The queue is deterministic (fixed seed): {@value #PROJECTS} projects, projects 0–19 tier 1 and the
 * others tier 2 (most tier-2 items have waited longer than the 2 h aging, so both effective tiers are
 * mixed), about 10 % packages, about 25 % with a package deadline 1–72 h ahead, priorities 0–9, queued
 * at a moment spread over the 24 h before {@code now}, remaining estimates uniform in 100–50,000 tokens.
 *
 * <p>Availability is what a queue that waits for tokens looks like: 10 projects have no entry at all
 * (no tokens), the other 40 have 0–15,000 tokens, so most projects' next item does not fit
 * ({@code remainingEstimate × 1.2}), their later items are queued behind it, and backfill places small
 * items smallest-first. That is the expensive path: the planner sorts the queue, walks it, and then
 * sorts the work behind blocked items (almost the whole queue) by remaining estimate.
 *
 * <p>{@link #order} measures {@link ResumeOrder#sort} alone, to show how much of a pass is the first sort.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerPassBenchmark {

    static final int PROJECTS = 50;
    static final int SLOTS = 10;
    static final long SEED = 20_261_129L;
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Param({"1000", "10000", "100000"})
    public int n;

    List<QueuedWork> queue;
    Map<String, Long> available;

    @Setup(Level.Trial)
    public void setUp() {
        queue = Collections.unmodifiableList(queue(n, SEED));
        available = availability(SEED);
        System.out.println();
        System.out.println("# " + describe(ResumePlanner.plan(queue, available, SchedulerRules.DEFAULTS, SLOTS, NOW)));
    }

    /** The decision of one pass, returned so that JMH consumes it. */
    @Benchmark
    public ResumeDecision plan() {
        return ResumePlanner.plan(queue, available, SchedulerRules.DEFAULTS, SLOTS, NOW);
    }

    /** The queue order alone, the first step of {@link #plan}. */
    @Benchmark
    public List<QueuedWork> order() {
        return ResumeOrder.sort(queue, NOW, SchedulerRules.DEFAULTS);
    }

    static List<QueuedWork> queue(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long daySeconds = Duration.ofHours(24).toSeconds();
        List<QueuedWork> queue = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int project = random.nextInt(PROJECTS);
            int tier = project < 20 ? 1 : 2;
            WorkKind kind = random.nextInt(10) == 0 ? WorkKind.PACKAGE : WorkKind.TASK;
            Instant deadline = random.nextInt(4) == 0 ? NOW.plusSeconds(3_600L * (1 + random.nextInt(72))) : null;
            int priority = random.nextInt(10);
            Instant queuedAt = NOW.minusSeconds(random.nextLong(daySeconds)).minusNanos(random.nextInt(1_000_000_000));
            long remaining = 100 + random.nextLong(49_901);
            queue.add(new QueuedWork(String.format("%s-%06d", kind == WorkKind.TASK ? "task" : "pkg", i),
                    kind, projectId(project), tier, priority, deadline, queuedAt, remaining));
        }
        return queue;
    }

    static Map<String, Long> availability(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Map<String, Long> available = new HashMap<>();
        for (int project = 10; project < PROJECTS; project++) {
            available.put(projectId(project), random.nextLong(15_001));
        }
        return Map.copyOf(available);
    }

    static String projectId(int project) {
        return String.format("project-%02d", project);
    }

    /** What the pass decided, printed once per trial so that the shape of the work is visible. */
    static String describe(ResumeDecision decision) {
        long backfilled = decision.resumed().stream().filter(ResumeDecision.Resume::backfill).count();
        Map<SkipReason, Integer> reasons = new EnumMap<>(SkipReason.class);
        for (ResumeDecision.Skip skip : decision.skipped()) {
            reasons.merge(skip.reason(), 1, Integer::sum);
        }
        return "pass: resumed " + decision.resumed().size() + " (" + backfilled + " by backfill), skipped " + reasons;
    }
}

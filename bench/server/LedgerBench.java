import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for TokenGovernor's usage ledger. JDK 17 only; run as a single-file program:
 *
 * <pre>
 * java bench/server/LedgerBench.java setup  --url URL --key KEY --tasks K --name NAME
 * java bench/server/LedgerBench.java ingest --url URL --key KEY --project ID --tasks ID,ID,…
 *          [--clients 4] [--batch 2000] [--seconds 30] [--warmup 5] [--events N]
 * java bench/server/LedgerBench.java loop   --url URL --key KEY --project ID --tasks ID,ID,…
 *          [--rate 1000] [--seconds 30] [--warmup 10] [--threads 64] [--reserve 500]
 * </pre>
 *
 * ingest: closed loop, N clients each POSTing /api/usage/batch with B fresh events; reports events/s
 * acknowledged (2xx with accepted = B) and batch latency, then checks through GET /api/projects/{id}
 * that the project's usedTokens grew by exactly the acknowledged tokens (exit 2 if not).
 *
 * loop: open loop at a constant arrival rate; request i is due at start + i/rate and consists of
 * POST /api/tasks/{id}/reservations then POST /api/usage naming the reservation. Latency is measured
 * from the due time (not the actual send time), so a stalled server cannot hide its queue
 * (coordinated omission). Warm-up requests are sent on the same schedule and left out of the figures.
 * Afterwards usedTokens must equal the reported tokens and reservedTokens must be 0 (exit 2 if not).
 *
 * Every result line starting with "RESULT " is a key=value summary meant for scripts.
 */
public class LedgerBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern RESERVATION = Pattern.compile("\"reservationId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    static final Pattern USED = Pattern.compile("\"usedTokens\"\\s*:\\s*(\\d+)");
    static final Pattern RESERVED = Pattern.compile("\"reservedTokens\"\\s*:\\s*(\\d+)");

    final Map<String, String> opts;
    final String url;
    final String key;
    final HttpClient client;

    LedgerBench(Map<String, String> opts, int threads) {
        this.opts = opts;
        this.url = req(opts, "url").replaceAll("/+$", "");
        this.key = req(opts, "key");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, threads / 4), daemon("http")))
                .build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java LedgerBench.java setup|ingest|loop|resume --url URL --key KEY …");
            System.exit(64);
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        int code = switch (args[0]) {
            case "setup" -> new LedgerBench(opts, 8).setup();
            case "ingest" -> new LedgerBench(opts, intOpt(opts, "clients", 4)).ingest();
            case "loop" -> new LedgerBench(opts, intOpt(opts, "threads", 64)).loop();
            case "resume" -> new LedgerBench(opts, 8).resume();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(code);
    }

    // ---------------------------------------------------------------- setup

    int setup() throws Exception {
        int tasks = intOpt(opts, "tasks", 8);
        String name = opts.getOrDefault("name", "bench");
        long budget = Long.parseLong(opts.getOrDefault("budget", "100000000000"));
        Answer project = post("/api/projects/register", "{\"name\":\"" + name + "-" + UUID.randomUUID()
                + "\",\"owner\":\"o\",\"tier\":1,\"tokenBudget\":" + budget + "}");
        String projectId = project.expect(200, 201).group(ID);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            String taskId = post("/api/tasks/register", "{\"projectId\":\"" + projectId + "\",\"tokenBudget\":"
                    + budget + "}").expect(200, 201).group(ID);
            post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"bench\"}")
                    .expect(200, 201);
            ids.add(taskId);
        }
        System.out.println("PROJECT=" + projectId);
        System.out.println("TASKS=" + String.join(",", ids));
        return 0;
    }

    // ---------------------------------------------------------------- resume

    /**
     * Resumes per second, end to end: N tasks run their project out of tokens (each has saved a
     * checkpoint, so each pauses at once and is queued), the rate limit is lifted, the project's
     * budget is raised, and the clock runs until the scheduler has resumed every one of them
     * (polling the project's queue).
     */
    int resume() throws Exception {
        int tasks = intOpt(opts, "tasks", 300);
        long perTask = 1_000;
        Answer project = post("/api/projects/register", "{\"name\":\"bench-resume-" + UUID.randomUUID()
                + "\",\"owner\":\"o\",\"tier\":1,\"tokenBudget\":" + tasks * perTask + "}");
        String projectId = project.expect(200, 201).group(ID);
        List<String> ids = new ArrayList<>();
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < tasks; i++) {
            String taskId = post("/api/tasks/register", "{\"projectId\":\"" + projectId
                    + "\",\"tokenBudget\":100000,\"estimatedTokens\":" + perTask + "}").expect(200, 201).group(ID);
            post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"bench\"}")
                    .expect(200, 201);
            post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"bench://" + taskId + "\"}").expect(201);
            ids.add(taskId);
            events.append(i == 0 ? "" : ",").append("{\"eventId\":\"resume-").append(taskId)
                    .append("\",\"taskId\":\"").append(taskId)
                    .append("\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"inputTokens\":").append(perTask)
                    .append(",\"outputTokens\":0}");
        }
        post("/api/usage/batch", events.append("]}").toString()).expect(200);
        int queued = queued(projectId);
        if (queued < tasks) {
            System.err.println("only " + queued + " of " + tasks + " tasks are queued; nothing to measure");
            return 2;
        }
        send("PUT", "/api/scheduler/rules", "{\"resumesPerMinute\":6000,\"passIntervalSeconds\":1}").expect(200);
        long t0 = System.nanoTime();
        send("PATCH", "/api/projects/" + projectId, "{\"tokenBudget\":100000000000}").expect(200);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while ((queued = queued(projectId)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long elapsed = System.nanoTime() - t0;
        send("PUT", "/api/scheduler/rules", "{}").expect(200);
        if (queued > 0) {
            System.err.println(queued + " tasks still queued after 120 s");
            return 2;
        }
        double seconds = elapsed / 1e9;
        System.out.printf(Locale.ROOT, "RESUME tasks=%d seconds=%.2f resumes_per_s=%.1f per_minute=%.0f%n", tasks,
                seconds, tasks / seconds, tasks / seconds * 60);
        return 0;
    }

    /** Queued tasks of the benchmark's own project (the server may hold other queued work). */
    private int queued(String projectId) throws Exception {
        Matcher m = Pattern.compile("\"taskId\"").matcher(send("GET", "/api/scheduler/queue?projectId=" + projectId, "")
                .expect(200).body());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    Answer send(String method, String path, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60)).method(method, "GET".equals(method)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    // ---------------------------------------------------------------- ingest

    int ingest() throws Exception {
        String projectId = req(opts, "project");
        String[] tasks = req(opts, "tasks").split(",");
        int clients = intOpt(opts, "clients", 4);
        int batch = intOpt(opts, "batch", 2000);
        long seconds = intOpt(opts, "seconds", 30);
        long warmup = intOpt(opts, "warmup", 5);
        long maxEvents = Long.parseLong(opts.getOrDefault("events", "0"));
        long input = 120;
        long output = 30;
        String run = UUID.randomUUID().toString().substring(0, 8);
        long usedBefore = project(projectId)[0];

        AtomicLong ackedEvents = new AtomicLong();       // all acknowledged, warm-up included
        AtomicLong measuredEvents = new AtomicLong();    // acknowledged inside the measured window
        AtomicLong failures = new AtomicLong();
        AtomicLong unknownEvents = new AtomicLong();     // sent but not acknowledged (may or may not count)
        AtomicLong sentBatches = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();      // per client: batch latency ns (measured window)
        long t0 = System.nanoTime();
        long measureStart = t0 + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        long[] cpu = cpuWindow(opts.get("server-pid"), measureStart, end);
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("ingest"));
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[1 << 16];
            latencies.add(lat);
            int client = c;
            futures.add(pool.submit(() -> {
                long seq = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    if (maxEvents > 0 && sentBatches.incrementAndGet() * batch > maxEvents) {
                        break;
                    }
                    StringBuilder body = new StringBuilder(batch * 200).append("{\"events\":[");
                    for (int i = 0; i < batch; i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"eventId\":\"b-").append(run).append('-').append(client).append('-')
                                .append(seq++).append("\",\"taskId\":\"").append(tasks[(int) (seq % tasks.length)])
                                .append("\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"model\":\"claude-sonnet-4-5\","
                                        + "\"inputTokens\":").append(input).append(",\"outputTokens\":")
                                .append(output).append('}');
                    }
                    body.append("]}");
                    long sent = System.nanoTime();
                    Answer answer;
                    try {
                        answer = post("/api/usage/batch", body.toString());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        unknownEvents.addAndGet(batch);
                        System.err.println("batch failed: " + e);
                        continue;
                    }
                    long done = System.nanoTime();
                    Matcher accepted = ACCEPTED.matcher(answer.body);
                    if (answer.status / 100 != 2 || !accepted.find() || Integer.parseInt(accepted.group(1)) != batch) {
                        failures.incrementAndGet();
                        if (answer.status >= 500) {
                            unknownEvents.addAndGet(batch);
                        }
                        System.err.println("batch refused: " + answer.status + " " + abbreviate(answer.body));
                        continue;
                    }
                    ackedEvents.addAndGet(batch);
                    if (sent >= measureStart && done <= end) {
                        measuredEvents.addAndGet(batch);
                        if (counts[client] < lat.length) {
                            lat[counts[client]++] = done - sent;
                        }
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        long finished = System.nanoTime();
        pool.shutdown();
        double window = Math.min(finished, end) - measureStart;
        long[] all = merge(latencies, counts);
        double rate = measuredEvents.get() / (window / 1e9);
        long[] after = project(projectId);
        long expected = usedBefore + ackedEvents.get() * (input + output);
        long slack = unknownEvents.get() * (input + output);
        boolean consistent = after[0] >= expected && after[0] <= expected + slack;
        System.out.printf(Locale.ROOT, "ingest: %d clients x %d events/batch, %d s measured after %d s warm-up%n",
                clients, batch, seconds, warmup);
        System.out.printf(Locale.ROOT, "  acknowledged events (measured window): %,d in %.1f s = %,.0f events/s%n",
                measuredEvents.get(), window / 1e9, rate);
        System.out.printf(Locale.ROOT, "  batch latency: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                all.length, ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)), ms(pct(all, 100)));
        System.out.println(cpuLine(cpu, window / 1e9, measuredEvents.get() / 1000, "1,000 events"));
        System.out.printf(Locale.ROOT, "  failures: %d batches; consistency: usedTokens %,d, expected %,d%s -> %s%n",
                failures.get(), after[0], expected, slack > 0 ? " (+ up to " + slack + " unacknowledged)" : "",
                consistent ? "OK" : "MISMATCH");
        System.out.printf(Locale.ROOT, "RESULT mode=ingest clients=%d batch=%d events_per_s=%.0f p50_ms=%.1f "
                + "p99_ms=%.1f max_ms=%.1f batches=%d failures=%d acked_total=%d consistent=%s%n", clients, batch,
                rate, ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)), all.length, failures.get(),
                ackedEvents.get(), consistent);
        if (!consistent) {
            System.err.println("CONSISTENCY FAILURE: project " + projectId + " usedTokens " + after[0]
                    + " but acknowledged events sum to " + expected);
            return 2;
        }
        return failures.get() == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- loop

    int loop() throws Exception {
        String projectId = req(opts, "project");
        String[] tasks = req(opts, "tasks").split(",");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "1000"));
        int seconds = intOpt(opts, "seconds", 30);
        int warmup = intOpt(opts, "warmup", 10);
        int threads = intOpt(opts, "threads", 64);
        long reserve = Long.parseLong(opts.getOrDefault("reserve", "500"));
        int drain = intOpt(opts, "drain", 15);
        long input = 400;
        long output = 100;
        long[] before = project(projectId);

        int total = (int) Math.round(rate * (warmup + seconds));
        int firstMeasured = (int) Math.round(rate * warmup);
        long[] latency = new long[total];          // ns from due time to report answered; -1 = failed
        long[] service = new long[total];          // ns from actual send to report answered
        long[] reserveLat = new long[total];
        byte[] outcome = new byte[total];          // 0 = unfinished (abandoned), 1 = ok, 2 = failed
        Arrays.fill(latency, -1);
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        AtomicLong reported = new AtomicLong();
        AtomicLong denied = new AtomicLong();
        AtomicLong completedAt = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("loop"));
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        long[] cpu = cpuWindow(opts.get("server-pid"), start + (long) (firstMeasured * interval),
                start + (long) (total * interval));
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            String task = tasks[i % tasks.length];
            pool.execute(() -> {
                if (abandoned.get()) {
                    return;
                }
                long sent = System.nanoTime();
                try {
                    Answer r = post("/api/tasks/" + task + "/reservations", "{\"tokens\":" + reserve
                            + ",\"ttlSeconds\":60}");
                    long reservedAt = System.nanoTime();
                    Matcher id = RESERVATION.matcher(r.body);
                    if (r.status != 201 || !id.find()) {
                        if (r.status == 200) {
                            denied.incrementAndGet();
                        }
                        outcome[index] = 2;
                        failures.incrementAndGet();
                        if (failures.get() < 5) {
                            System.err.println("reserve refused: " + r.status + " " + abbreviate(r.body));
                        }
                        return;
                    }
                    Answer u = post("/api/usage", "{\"eventId\":\"l-" + UUID.randomUUID() + "\",\"taskId\":\"" + task
                            + "\",\"timestamp\":\"" + Instant.now() + "\",\"model\":\"claude-sonnet-4-5\","
                            + "\"inputTokens\":" + input + ",\"outputTokens\":" + output + ",\"reservationId\":\""
                            + id.group(1) + "\"}");
                    long done = System.nanoTime();
                    if (u.status != 200) {
                        outcome[index] = 2;
                        failures.incrementAndGet();
                        if (failures.get() < 5) {
                            System.err.println("report refused: " + u.status + " " + abbreviate(u.body));
                        }
                        return;
                    }
                    reported.incrementAndGet();
                    outcome[index] = 1;
                    latency[index] = done - due;
                    service[index] = done - sent;
                    reserveLat[index] = reservedAt - sent;
                    completedAt.accumulateAndGet(done, Math::max);
                } catch (Exception e) {
                    if (abandoned.get()) {
                        return;
                    }
                    outcome[index] = 2;
                    failures.incrementAndGet();
                    if (failures.get() < 5) {
                        System.err.println("request failed: " + e);
                    }
                }
            });
        }
        long scheduledEnd = start + (long) (total * interval);
        pool.shutdown();
        long unfinished = 0;
        if (!pool.awaitTermination(drain, TimeUnit.SECONDS)) {
            abandoned.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            for (int i = firstMeasured; i < total; i++) {
                if (outcome[i] == 0) {
                    unfinished++;
                }
            }
            System.err.printf("%d measured requests not answered within %d s after the schedule ended: abandoned,"
                    + " counted as infinitely late%n", unfinished, drain);
        }
        // abandoned requests are infinitely late; failures are left out of the latency figures
        long late = unfinished;
        long[] measured = java.util.stream.LongStream.concat(
                Arrays.stream(latency, firstMeasured, total).filter(v -> v >= 0),
                java.util.stream.LongStream.generate(() -> Long.MAX_VALUE).limit(late)).sorted().toArray();
        long[] svc = Arrays.stream(service, firstMeasured, total).filter(v -> v > 0).sorted().toArray();
        long[] res = Arrays.stream(reserveLat, firstMeasured, total).filter(v -> v > 0).sorted().toArray();
        long measuredFailures = 0;
        for (int i = firstMeasured; i < total; i++) {
            measuredFailures += outcome[i] == 2 ? 1 : 0;
        }
        double span = (Math.max(completedAt.get(), scheduledEnd) - (start + (long) (firstMeasured * interval))) / 1e9;
        double achieved = (measured.length - unfinished) / span;
        long[] after = project(projectId);
        long expectedUsed = before[0] + reported.get() * (input + output);
        boolean consistent = unfinished > 0 || after[0] == expectedUsed && after[1] == 0;
        System.out.printf(Locale.ROOT, "loop: target %.0f req/s (reserve + report), %d s measured after %d s warm-up,"
                + " %d tasks, %d client threads%n", rate, seconds, warmup, tasks.length, threads);
        System.out.printf(Locale.ROOT, "  achieved %.0f req/s; %d measured answered, %d failed (%d denied), %d abandoned%n",
                achieved, measured.length - unfinished, measuredFailures, denied.get(), unfinished);
        System.out.printf(Locale.ROOT, "  round trip from intended send: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f ms%n",
                ms(pct(measured, 50)), ms(pct(measured, 90)), ms(pct(measured, 99)), ms(pct(measured, 99.9)),
                ms(pct(measured, 100)));
        System.out.printf(Locale.ROOT, "  service time (from actual send): p50=%.2f p99=%.2f ms; reserve alone p50=%.2f p99=%.2f ms%n",
                ms(pct(svc, 50)), ms(pct(svc, 99)), ms(pct(res, 50)), ms(pct(res, 99)));
        System.out.println(cpuLine(cpu, seconds, measured.length - unfinished, "reserve+report"));
        System.out.printf(Locale.ROOT, "  consistency: usedTokens %,d expected %,d, reservedTokens %d -> %s%n", after[0],
                expectedUsed, after[1], unfinished > 0 ? "not checked (requests abandoned in flight)"
                        : consistent ? "OK" : "MISMATCH");
        System.out.printf(Locale.ROOT, "RESULT mode=loop rate=%.0f achieved=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
                + "max_ms=%.2f svc_p50_ms=%.2f svc_p99_ms=%.2f failures=%d abandoned=%d consistent=%s%n", rate, achieved,
                ms(pct(measured, 50)), ms(pct(measured, 90)), ms(pct(measured, 99)), ms(pct(measured, 100)),
                ms(pct(svc, 50)), ms(pct(svc, 99)), failures.get(), unfinished, consistent);
        if (!consistent) {
            System.err.println("CONSISTENCY FAILURE: project " + projectId + " usedTokens " + after[0] + " (expected "
                    + expectedUsed + "), reservedTokens " + after[1] + " (expected 0)");
            return 2;
        }
        return failures.get() == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- helpers

    /** CPU time (user + system) of a process in ns from /proc, or -1; used to compare CPU per request. */
    static long cpuNanos(String pid) {
        if (pid == null) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // USER_HZ = 100
        } catch (Exception e) {
            return -1;
        }
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples server and own CPU at two instants (System.nanoTime), on a daemon thread. */
    static long[] cpuWindow(String serverPid, long from, long to) {
        long[] out = new long[] {-1, -1, -1, -1};
        Thread t = new Thread(() -> {
            LockSupport.parkNanos(from - System.nanoTime());
            out[0] = cpuNanos(serverPid);
            out[1] = ownCpuNanos();
            LockSupport.parkNanos(to - System.nanoTime());
            out[2] = cpuNanos(serverPid);
            out[3] = ownCpuNanos();
        });
        t.setDaemon(true);
        t.start();
        return out;
    }

    static String cpuLine(long[] w, double seconds, long units, String unit) {
        if (w[2] < 0 || w[0] < 0 || units == 0) {
            return "  cpu: server pid unknown (pass --server-pid)";
        }
        double server = (w[2] - w[0]) / 1e6;
        double client = (w[3] - w[1]) / 1e6;
        return String.format(Locale.ROOT, "  cpu in the measured window: server %.0f ms (%.2f cores), generator %.0f ms"
                + " (%.2f cores); per %s: server %.3f ms, generator %.3f ms", server, server / 1e3 / seconds, client,
                client / 1e3 / seconds, unit, server / units, client / units);
    }

    long[] project(String projectId) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/api/projects/" + projectId))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Answer a = new Answer(r.statusCode(), r.body());
        a.expect(200);
        return new long[] {Long.parseLong(a.group(USED)), Long.parseLong(a.group(RESERVED))};
    }

    Answer post(String path, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    record Answer(int status, String body) {
        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected HTTP " + status + ": " + abbreviate(body));
        }

        String group(Pattern pattern) {
            Matcher m = pattern.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException(pattern + " not found in " + abbreviate(body));
            }
            return m.group(1);
        }
    }

    static long[] merge(List<long[]> parts, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of a sorted array. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static String req(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static int intOpt(Map<String, String> opts, String name, int def) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : def;
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

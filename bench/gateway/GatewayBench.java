import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway mode's costs (issue 15), against a running server whose gateway forwards to this program's instant upstream:
 *  upstream PORT                       an instant Messages API: a whole SSE answer at once; with x-bench-hold it sends
 *                                      message_start and then a ping every 5 s until the reader leaves
 *  setup URL ADMIN_KEY BUDGET          registers a project, prints PROJECT=… KEY=…
 *  latency URL KEY UPSTREAM RATE SECONDS  open loop at RATE calls/s: time to the first byte through the gateway and
 *                                      straight at the upstream (the same request), p50/p99; added = the difference
 *  hold URL KEY N SERVER_PID           holds N streams open at once; the server's RSS before and with them
 *  burst URL ADMIN_KEY STREAMS BUDGET STEP  STREAMS concurrent sessions on one budget until each is refused
 */
public class GatewayBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.valueOf(System.getProperty("http", "HTTP_1_1")))
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "upstream" -> upstream(Integer.parseInt(args[1]));
            case "setup" -> setup(args[1], args[2], Long.parseLong(args[3]));
            case "latency" -> latency(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "hold" -> hold(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "burst" -> burst(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    Long.parseLong(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        if (!args[0].equals("upstream")) {
            System.exit(0);
        }
    }

    // ---- the instant upstream

    static void upstream(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        AtomicLong ids = new AtomicLong();
        server.createContext("/", exchange -> answer(exchange, ids.incrementAndGet()));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("upstream on " + port);
    }

    static void answer(HttpExchange exchange, long n) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            boolean hold = exchange.getRequestHeaders().containsKey("x-bench-hold");
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.getResponseHeaders().add("request-id", "req_bench_" + n);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench_" + n
                    + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
            while (hold) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                event(out, "ping", "{\"type\":\"ping\"}");
            }
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}");
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":5}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        } catch (IOException readerGone) {
            // the gateway cancelled the call
        }
    }

    static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- clients

    static void setup(String url, String adminKey, long budget) throws Exception {
        String project = UUID.randomUUID().toString();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/projects/register"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","name":"gateway-bench","owner":"bench","tier":1,"tokenBudget":%d}"""
                        .formatted(project, budget))).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("PROJECT=" + project + " KEY=" + answer.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1"));
    }

    static HttpRequest call(String base, String key, String session, boolean hold) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/messages?beta=true"))
                .header("content-type", "application/json").header("anthropic-version", "2023-06-01")
                .header("x-api-key", "sk-ant-bench").header("x-token-gov-key", key)
                .header("x-claude-code-session-id", session).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
                        + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"say ok\"}]}"));
        if (hold) {
            request.header("x-bench-hold", "1");
        }
        return request.build();
    }

    /**
     * Sends the call and answers the nanoseconds to its first body byte (or -status on an error), taken in the
     * client's own callback as the byte arrives (no thread of ours has to be free to see it); the body is read whole.
     */
    static CompletableFuture<Long> firstByte(HttpRequest request) {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong(-1);
        HttpResponse.BodyHandler<Void> handler = info -> HttpResponse.BodySubscribers.fromSubscriber(
                new java.util.concurrent.Flow.Subscriber<java.util.List<java.nio.ByteBuffer>>() {
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    public void onNext(java.util.List<java.nio.ByteBuffer> item) {
                        first.compareAndSet(-1, System.nanoTime() - start);
                    }

                    public void onError(Throwable throwable) {
                    }

                    public void onComplete() {
                    }
                });
        return HTTP.sendAsync(request, handler).thenApply(response -> response.statusCode() == 200 && first.get() >= 0
                ? first.get() : -response.statusCode());
    }

    static void latency(String url, String key, String upstream, int rate, int seconds) throws Exception {
        String gateway = url + "/gateway/anthropic";
        String session = UUID.randomUUID().toString();
        for (int i = 0; i < 500; i++) { // warm both paths
            firstByte(call(gateway, key, session, false)).get();
            firstByte(call(upstream, key, session, false)).get();
        }
        ConcurrentLinkedQueue<Long> viaGateway = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> direct = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ticker.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                done.complete(null);
                return;
            }
            boolean throughGateway = n % 2 == 0; // interleaved, so both see the same machine load
            CompletableFuture<Long> call = firstByte(call(throughGateway ? gateway : upstream, key, session, false));
            synchronized (calls) {
                calls.add(call.handle((nanos, failure) -> {
                    if (failure != null || nanos < 0) {
                        errors.incrementAndGet();
                    } else {
                        (throughGateway ? viaGateway : direct).add(nanos);
                    }
                    return null;
                }));
            }
        }, 0, period, TimeUnit.NANOSECONDS);
        done.get();
        ticker.shutdown();
        synchronized (calls) {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        }
        long[] g = sorted(viaGateway);
        long[] d = sorted(direct);
        System.out.printf("RESULT mode=latency rate=%d/s seconds=%d calls=%d errors=%d gateway_p50_ms=%.2f gateway_p99_ms=%.2f"
                + " direct_p50_ms=%.2f direct_p99_ms=%.2f added_p50_ms=%.2f added_p99_ms=%.2f%n", rate, seconds, total,
                errors.get(), ms(pct(g, 50)), ms(pct(g, 99)), ms(pct(d, 50)), ms(pct(d, 99)),
                ms(pct(g, 50) - pct(d, 50)), ms(pct(g, 99) - pct(d, 99)));
    }

    static void hold(String url, String key, int streams, long serverPid) throws Exception {
        String gateway = url + "/gateway/anthropic";
        long before = rssKb(serverPid);
        List<InputStream> open = new ArrayList<>();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<InputStream>>> pending = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            pending.add(HTTP.sendAsync(call(gateway, key, UUID.randomUUID().toString(), true),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        int ok = 0;
        for (CompletableFuture<HttpResponse<InputStream>> each : pending) {
            HttpResponse<InputStream> response = each.get(300, TimeUnit.SECONDS);
            if (response.statusCode() == 200 && response.body().read() >= 0) {
                ok++;
            }
            open.add(response.body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        Thread.sleep(3_000); // let the server settle its allocation before reading its RSS
        long with = rssKb(serverPid);
        long threads = threads(serverPid);
        System.out.printf("RESULT mode=hold streams=%d open=%d opened_in_s=%.1f rss_before_mb=%.0f rss_with_mb=%.0f"
                + " per_stream_kb=%.1f server_threads=%d%n", streams, ok, seconds, before / 1024.0, with / 1024.0,
                (with - before) / (double) Math.max(1, ok), threads);
        for (InputStream stream : open) {
            stream.close();
        }
    }

    static void burst(String url, String adminKey, int streams, long budget, long step) throws Exception {
        String project = UUID.randomUUID().toString();
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/projects/register"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","name":"gateway-burst","owner":"bench","tier":1,"tokenBudget":%d}"""
                        .formatted(project, budget))).build(), HttpResponse.BodyHandlers.ofString());
        String key = registered.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        String gateway = url + "/gateway/anthropic";
        AtomicLong calls = new AtomicLong();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            String session = UUID.randomUUID().toString();
            workers.add(CompletableFuture.runAsync(() -> {
                while (true) {
                    try {
                        HttpResponse<String> answer = HTTP.send(call(gateway, key, session, false),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200) {
                            return;
                        }
                        calls.incrementAndGet();
                    } catch (Exception e) {
                        System.out.println("call failed: " + e);
                        return;
                    }
                }
            }, Executors.newSingleThreadExecutor()));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
        System.out.printf("RESULT mode=burst streams=%d calls=%d seconds=%.1f%n", streams, calls.get(),
                (System.nanoTime() - start) / 1e9);
    }

    static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static long threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}

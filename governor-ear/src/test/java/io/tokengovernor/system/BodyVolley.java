package io.tokengovernor.system;

import io.tokengovernor.system.HostileBodies.HostileBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends hostile bodies from a bounded pool of clients, each request with its own deadline, and keeps every answer
 * that is not a timely 4xx problem. Stops sending once enough have gone wrong: a server that hangs on them would
 * otherwise cost a deadline per remaining body.
 */
final class BodyVolley {

    /** One body aimed at one endpoint. */
    record Shot(String endpoint, String method, URI uri, String mediaType, HostileBody body) {
    }

    /** An answer that was not a timely 4xx problem, or no answer at all. */
    record Miss(Shot shot, String what) {

        @Override
        public String toString() {
            String shown = new String(shot.body().bytes(), 0, Math.min(120, shot.body().bytes().length),
                    java.nio.charset.StandardCharsets.UTF_8);
            return shot.endpoint() + " [" + shot.body().kind() + ": " + shot.body().defect() + ", "
                    + shot.body().bytes().length + " bytes: " + shown.replace("\n", "\\n") + "]: " + what;
        }
    }

    private static final int MAX_MISSES = 10;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration deadline;
    private final int clients;
    private final String apiKey;
    private final List<Miss> misses = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());

    BodyVolley(int clients, Duration deadline, String apiKey) {
        this.clients = clients;
        this.deadline = deadline;
        this.apiKey = apiKey;
    }

    /** Sends every shot (unless too many went wrong) and returns what went wrong. */
    List<Miss> fire(List<Shot> shots) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (Shot shot : shots) {
            pool.execute(() -> {
                if (misses.size() < MAX_MISSES) {
                    send(shot);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("the volley did not finish within 30 minutes");
        }
        return List.copyOf(misses);
    }

    int answered() {
        return answered.get();
    }

    /** How long answers took, as {@code "p50 12 ms, p99 80 ms, slowest 140 ms"}. */
    String latencies() {
        List<Long> sorted;
        synchronized (millis) {
            sorted = millis.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return "no answers";
        }
        return "p50 " + sorted.get(sorted.size() / 2) + " ms, p99 " + sorted.get(sorted.size() * 99 / 100)
                + " ms, slowest " + sorted.get(sorted.size() - 1) + " ms";
    }

    private void send(Shot shot) {
        HttpRequest request = HttpRequest.newBuilder(shot.uri())
                .timeout(deadline)
                .header("Content-Type", shot.mediaType())
                .header("Authorization", "Bearer " + apiKey)
                .method(shot.method(), HttpRequest.BodyPublishers.ofByteArray(shot.body().bytes()))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            answered.incrementAndGet();
            millis.add(took);
            String problem = ProblemAnswer.check(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
            if (problem != null) {
                misses.add(new Miss(shot, problem));
            } else if (took > deadline.toMillis()) {
                misses.add(new Miss(shot, "answered after " + took + " ms"));
            }
        } catch (HttpTimeoutException e) {
            misses.add(new Miss(shot, "no answer within " + deadline.toMillis() + " ms"));
        } catch (IOException e) {
            misses.add(new Miss(shot, "the connection failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

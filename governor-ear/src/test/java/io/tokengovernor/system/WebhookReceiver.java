package io.tokengovernor.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on loopback that records what arrives and answers with scripted statuses. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final java.util.Map<String, Deque<Integer>> scriptPerMessage = new java.util.HashMap<>();
    private volatile int defaultStatus = 200;
    private volatile boolean keepReports;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String event = exchange.getRequestHeaders().getFirst("X-TokenGovernor-Event");
            if ("report".equals(event) && !keepReports) {
                // periodic reports arrive at any time; tests that do not wait for them ignore them
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-TokenGovernor-Event"),
                    exchange.getRequestHeaders().getFirst("X-TokenGovernor-Signature"),
                    exchange.getRequestHeaders().getFirst("X-TokenGovernor-Delivery"), body));
            int status;
            synchronized (scriptedStatuses) {
                // every message meets the same script: its first attempts fail as scripted
                Deque<Integer> script = scriptPerMessage.computeIfAbsent(
                        exchange.getRequestHeaders().getFirst("X-TokenGovernor-Delivery"),
                        id -> new ArrayDeque<>(scriptedStatuses));
                status = script.isEmpty() ? defaultStatus : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    static WebhookReceiver startOn(int port) {
        return new WebhookReceiver(port);
    }

    WebhookReceiver thenAnswer(int... statuses) {
        synchronized (scriptedStatuses) {
            for (int status : statuses) {
                scriptedStatuses.add(status);
            }
        }
        return this;
    }

    WebhookReceiver keepingReports() {
        keepReports = true;
        return this;
    }

    WebhookReceiver alwaysAnswer(int status) {
        defaultStatus = status;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next delivery, waiting up to {@code seconds} for it to arrive. */
    Delivery next(int seconds) throws InterruptedException {
        Delivery delivery = received.poll(seconds, TimeUnit.SECONDS);
        if (delivery == null) {
            throw new AssertionError("no webhook arrived within " + seconds + " s");
        }
        return delivery;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Delivery(String event, String signature, String deliveryId, String body) {
    }
}

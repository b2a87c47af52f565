package io.tokengovernor.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Stops and starts the Liberty server the system tests run against, through its own scripts. */
final class ServerProcess {

    private static final Path WLP = Path.of(System.getProperty("governor.wlp", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("governor.server", "governor");

    private ServerProcess() {
    }

    static void restart() throws IOException, InterruptedException {
        run("stop");
        run("start");
        awaitReady(Duration.ofSeconds(120));
    }

    /** Kills the server's JVM with SIGKILL (no shutdown hooks, no orderly stop), then starts it again. */
    static void killAndRestart() throws IOException, InterruptedException {
        Path pidFile = WLP.resolve("usr/servers/.pid/" + SERVER + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
        server.onExit().join();
        run("start");
        awaitReady(Duration.ofSeconds(120));
    }

    private static void run(String action) throws IOException, InterruptedException {
        Path script = WLP.resolve("bin/server");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no Liberty server script at " + script);
        }
        Process process = new ProcessBuilder(script.toString(), action, SERVER).inheritIO().start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + action + " failed with exit " + process.exitValue());
        }
    }

    /**
     * Waits until the application answers on its context roots: on a loaded machine the server reports itself started
     * (and the build starts the tests) a minute before the EAR's modules are bound, and until then every path is 404.
     */
    static void awaitApplication(Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE
                        + "/api/config")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> gateway = client.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE
                        + "/gateway/anthropic/v1/messages")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (api.statusCode() == 200 && gateway.statusCode() == 405) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the application did not answer within " + limit);
    }

    /**
     * Polls readiness until the database check is UP and the API answers: the server tells when it is ready, but
     * its health check can be UP a moment before the {@code /api} application is routed ("context root not found").
     */
    static void awaitReady(Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(GovernorApi.BASE + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && client.send(HttpRequest.newBuilder(
                        URI.create(GovernorApi.BASE + "/api/clock")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("server not ready within " + limit);
    }
}

package io.tokengovernor.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the server's JVM is doing, seen from outside through {@code /proc} (its pid is the one Liberty writes):
 * the CPU time it uses, and which of its threads stay runnable. A thread spinning in a loop is runnable whenever it
 * is looked at, however busy the machine is, while an idle server's threads sleep; CPU time alone would depend on
 * how much of the machine other processes leave to the server.
 */
final class ServerActivity {

    /** What one window of observation saw. */
    record Window(double busyCores, List<String> runnableThreads) {

        boolean atRest(double maxCores) {
            return busyCores < maxCores && runnableThreads.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("%.2f cores%s", busyCores, runnableThreads.isEmpty() ? ""
                    : ", runnable throughout: " + runnableThreads);
        }
    }

    private static final int SAMPLES = 20;
    /** A thread runnable in this share of the samples is busy, not woken by a timer. */
    private static final double BUSY_SHARE = 0.8;

    private final ProcessHandle server;

    private ServerActivity(ProcessHandle server) {
        this.server = server;
    }

    static ServerActivity ofRunningServer() throws IOException {
        Path pidFile = Path.of(System.getProperty("governor.wlp", "target/liberty/wlp"), "usr/servers/.pid",
                System.getProperty("governor.server", "governor") + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return new ServerActivity(ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no server process " + pid + " (" + pidFile + ")")));
    }

    /** Watches the server for the window: its average CPU use and the threads runnable at nearly every look. */
    Window observe(Duration window) throws IOException, InterruptedException {
        Duration cpuBefore = cpuTime();
        long start = System.nanoTime();
        Map<String, Integer> runnable = new HashMap<>();
        for (int sample = 0; sample < SAMPLES; sample++) {
            for (String thread : runnableThreads()) {
                runnable.merge(thread, 1, Integer::sum);
            }
            TimeUnit.MILLISECONDS.sleep(window.toMillis() / SAMPLES);
        }
        double cores = cpuTime().minus(cpuBefore).toNanos() / (double) (System.nanoTime() - start);
        List<String> busy = runnable.entrySet().stream().filter(entry -> entry.getValue() >= SAMPLES * BUSY_SHARE)
                .map(Map.Entry::getKey).sorted().toList();
        return new Window(cores, busy);
    }

    /** The threads in state R, as {@code 1234 (Default Executo)} (Linux keeps 15 characters of a name). */
    private List<String> runnableThreads() throws IOException {
        Path tasks = Path.of("/proc", Long.toString(server.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.map(ServerActivity::runnableName).filter(name -> name != null).toList();
        }
    }

    private static String runnableName(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            return stat.charAt(nameEnd + 2) == 'R' ? stat.substring(0, nameEnd + 1) : null;
        } catch (NoSuchFileException ended) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Duration cpuTime() {
        return server.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the CPU time of the server process is not readable"));
    }
}

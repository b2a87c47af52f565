package io.tokengovernor.cli.claudecode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Claude Code session, run headless ({@code claude -p … --output-format stream-json --verbose}) in a folder:
 * started with its own session id the first time and continued with {@code --resume} after that, so a resumed task
 * is the same session in the same transcript. Stopped gracefully (SIGTERM, then a kill after a grace) when the
 * governor says PAUSE.
 */
final class ClaudeSession {

    private static final long STOP_GRACE_SECONDS = 15;

    private final String claude;
    private final String sessionId;
    private final Path cwd;
    private final Map<String, String> environment;
    private volatile Process process;
    private boolean stoppedByGovernor;

    ClaudeSession(String claude, String sessionId, Path cwd, Map<String, String> environment) {
        this.claude = claude;
        this.sessionId = sessionId;
        this.cwd = cwd;
        this.environment = environment;
    }

    /** Where Claude Code keeps this session's transcript. */
    Path transcript() {
        String config = environment.get("CLAUDE_CONFIG_DIR");
        Path folder = config != null && !config.isBlank() ? Path.of(config.split(",")[0].strip())
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".claude");
        String slug = cwd.toString().replaceAll("[^A-Za-z0-9]", "-");
        return folder.resolve("projects").resolve(slug).resolve(sessionId + ".jsonl");
    }

    boolean exists() {
        return Files.isRegularFile(transcript());
    }

    /** Whether the folder's own settings already carry TokenGovernor's hooks (then none are added). */
    boolean hasProjectHooks() {
        for (String name : List.of("settings.json", "settings.local.json")) {
            Path file = cwd.resolve(".claude").resolve(name);
            try {
                if (Files.exists(file) && !ClaudeSettings.read(file).ours().isEmpty()) {
                    return true;
                }
            } catch (IllegalArgumentException unreadable) {
                // Claude Code will complain about it itself; our hooks are then handed over explicitly
            }
        }
        return false;
    }

    boolean stoppedByGovernor() {
        return stoppedByGovernor;
    }

    /**
     * Runs Claude Code until it exits; after each model message asks {@code pauseNow} and stops it when the governor
     * says PAUSE. Answers Claude Code's exit code.
     */
    int run(String prompt, String model, List<String> extraArgs, GovernorHooks hooks, String apiKey, String server,
            BooleanSupplier pauseNow, PrintWriter progress) throws InterruptedException {
        boolean resume = exists();
        List<String> command = new ArrayList<>(List.of(claude, "-p", prompt == null ? "Continue." : prompt,
                "--output-format", "stream-json", "--verbose"));
        command.addAll(resume ? List.of("--resume", sessionId) : List.of("--session-id", sessionId));
        if (model != null) {
            command.addAll(List.of("--model", model));
        }
        if (hooks != null) {
            command.addAll(List.of("--settings", ClaudeSettings.hooksOnly(hooks)));
        }
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(new HashMap<>(environment));
        if (apiKey != null) {
            env.put(GovernorHooks.API_KEY_ENV, apiKey);
        }
        env.put("TOKEN_GOV_URL", server);
        stoppedByGovernor = false;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NotStarted("cannot start Claude Code (" + claude + "): " + e.getMessage()
                    + "; install it (npm install -g @anthropic-ai/claude-code) or name it with --claude");
        }
        Thread stopOnExit = new Thread(this::stop, "stop-claude-code");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            process.getOutputStream().close();
            follow(pauseNow, progress);
            return process.waitFor();
        } catch (IOException e) {
            stop();
            return process.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran
            }
        }
    }

    private void follow(BooleanSupplier pauseNow, PrintWriter progress) throws IOException {
        ClaudeStream stream = new ClaudeStream();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String shown = stream.accept(line).orElse(null);
                if (shown == null) {
                    continue;
                }
                progress.println("[claude] " + shown);
                progress.flush();
                if (!stoppedByGovernor && !shown.startsWith("result") && pauseNow.getAsBoolean()) {
                    progress.println("[governor] PAUSE: stopping Claude Code after this step");
                    progress.flush();
                    stoppedByGovernor = true;
                    new Thread(this::stop, "stop-claude-code").start();
                }
            }
        }
    }

    /** SIGTERM, then SIGKILL if Claude Code has not exited within the grace. */
    void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Claude Code could not be started at all. */
    static final class NotStarted extends RuntimeException {
        NotStarted(String message) {
            super(message);
        }
    }
}

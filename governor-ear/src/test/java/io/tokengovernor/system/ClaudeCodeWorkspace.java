package io.tokengovernor.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Claude Code user: a home of its own (so transcripts land in a folder the test reads), a project
 * folder, the real {@code claude} CLI pointed at a scripted model, and the real {@code token-gov} launcher.
 */
final class ClaudeCodeWorkspace {

    /** Whether {@code env} can give a child SIGINT's default handling back (coreutils 8.31 and newer). */
    private static final boolean RESETS_SIGINT = resetsSigint();

    static final Path CLAUDE = Path.of(System.getProperty("claude.bin",
            System.getProperty("user.home") + "/.cache/token-governor/claude-code-2.1.332/claude"));
    static final Path LAUNCHER = Path.of(System.getProperty("governor.launcher", "../token-gov")).toAbsolutePath();
    static final Path CLAUDE_FLOW = Path.of(System.getProperty("claude-flow.bin",
            System.getProperty("user.home") + "/.cache/token-governor/claude-flow-3.43.0/claude-flow"));

    final Path home;
    final Path project;
    /** A folder whose {@code claude} is the pinned Claude Code: first on the PATH of what Claude-Flow starts. */
    private final Path bin;
    final String projectKey;
    private final String modelUrl;
    private final Map<String, String> extraEnvironment = new HashMap<>();

    ClaudeCodeWorkspace(Path root, String projectKey, String modelUrl) throws IOException {
        if (!Files.isExecutable(CLAUDE)) {
            throw new IllegalStateException("Claude Code was not found at " + CLAUDE + " (claude.bin). The governor-ear "
                    + "build installs it with npm (src/test/claude-code/install-claude-code.sh); is npm installed?");
        }
        this.home = Files.createDirectories(root.resolve("home"));
        this.project = Files.createDirectories(root.resolve("project"));
        this.bin = root.resolve("bin");
        this.projectKey = projectKey;
        this.modelUrl = modelUrl;
    }

    /** Sets (or overrides) a variable every later process of this user sees. */
    ClaudeCodeWorkspace with(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** What every process of this user sees. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("ANTHROPIC_BASE_URL", modelUrl);
        env.put("ANTHROPIC_API_KEY", "sk-ant-scripted");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("TOKEN_GOV_URL", GovernorApi.BASE);
        env.put("TOKEN_GOV_API_KEY", projectKey);
        env.putAll(extraEnvironment);
        return env;
    }

    /** {@code claude -p PROMPT --output-format stream-json --verbose} in the project folder. */
    Run claude(String prompt, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLAUDE.toString(), "-p", prompt, "--output-format",
                "stream-json", "--verbose", "--allowedTools", "Bash"));
        command.addAll(List.of(extra));
        return run(command, environment(), 180);
    }

    Process startClaude(String prompt) throws IOException {
        List<String> command = new ArrayList<>(List.of(CLAUDE.toString(), "-p", prompt, "--output-format",
                "stream-json", "--verbose", "--allowedTools", "Bash"));
        return start(command, environment());
    }

    /**
     * The real {@code claude-flow} CLI in the project folder, with the pinned Claude Code as the {@code claude} on
     * its PATH (Claude-Flow starts {@code claude} by name).
     */
    Run claudeFlow(int seconds, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(CLAUDE_FLOW)) {
            throw new IllegalStateException("Claude-Flow was not found at " + CLAUDE_FLOW + " (claude-flow.bin). The "
                    + "governor-ear build installs it with npm (src/test/claude-code/install-claude-flow.sh); is npm "
                    + "installed?");
        }
        if (!Files.exists(bin.resolve("claude"))) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(bin.resolve("claude"), CLAUDE);
        }
        Map<String, String> env = environment();
        env.put("PATH", bin + java.io.File.pathSeparator + env.get("PATH"));
        List<String> command = new ArrayList<>();
        command.add(CLAUDE_FLOW.toString());
        command.addAll(List.of(args));
        return run(command, env, seconds);
    }

    /** The real token-gov launcher in the project folder. */
    Run tokenGov(String... args) throws IOException, InterruptedException {
        return tokenGov(environment(), args);
    }

    Run tokenGov(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return run(command, env, 300);
    }

    Process startTokenGov(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (RESETS_SIGINT) {
            // A build started in the background of a non-interactive shell ignores SIGINT, and its children inherit
            // that (the JVM then runs no shutdown hook on Ctrl-C); in a terminal, where users press Ctrl-C, it is not.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return start(command, environment());
    }

    /** The session transcripts Claude Code wrote for the project folder. */
    Path transcripts() {
        return home.resolve(".claude").resolve("projects").resolve(project.toString().replaceAll("[^A-Za-z0-9]", "-"));
    }

    Path settings() {
        return project.resolve(".claude").resolve("settings.json");
    }

    private Run run(List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        Process process = start(command, env);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within " + seconds + " s: " + command);
        }
        return Run.of(process);
    }

    private Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        OUTPUTS.put(process, new Path[] {out, err});
        return process;
    }

    private static final Map<Process, Path[]> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A finished process: its exit code and what it printed. */
    record Run(int exit, String out, String err) {

        static Run of(Process process) throws IOException {
            Path[] files = OUTPUTS.remove(process);
            return new Run(process.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                    Files.readString(files[1], StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private static boolean resetsSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

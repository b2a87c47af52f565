package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.cli.server.ServerProblem;
import io.tokengovernor.core.claudecode.SessionTasks;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The governed runner: Claude Code run headless as a task of the project, governed by the same hooks
 * {@code hooks install} writes (handed to it with {@code --settings} unless the project has them), stopped at
 * PAUSE, and with {@code --wait} continued as the same session ({@code claude --resume}) with its checkpoint as
 * the prompt once the scheduler resumes the task.
 */
@Command(name = "run",
        description = {"Run Claude Code headless as a governed task: metered from its transcript, asked to checkpoint",
                "before the budget ends, stopped at PAUSE, and (with --wait) resumed as the same session from its",
                "checkpoint when the scheduler resumes the task."},
        footer = {"", "Examples:",
                "  token-gov run --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11 --budget 200000 -- fix the flaky test",
                "  token-gov run --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11 --task 5d6e7f80-1111-4222-8333-944455556666 --wait"})
public class RunCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project the task works for.")
    String projectId;

    @Option(names = "--task", paramLabel = "ID",
            description = "The task (and Claude Code session) to run or continue; default: a new one.")
    String taskId;

    @Option(names = "--budget", paramLabel = "TOKENS", description = "The new task's budget; default: the project's.")
    Long budget;

    @Option(names = "--agent-type", defaultValue = SessionTasks.SESSION_AGENT_TYPE, paramLabel = "TYPE",
            description = "The new task's agent type (default: ${DEFAULT-VALUE}).")
    String agentType;

    @Option(names = "--model", paramLabel = "MODEL", description = "Claude Code's --model.")
    String model;

    @Option(names = "--claude", paramLabel = "PATH", description = "The claude executable (default: claude on the PATH).")
    String claude;

    @Option(names = "--claude-arg", paramLabel = "ARG",
            description = "An extra argument for claude, e.g. --claude-arg=--allowedTools --claude-arg=Bash (repeatable).")
    List<String> claudeArgs = new ArrayList<>();

    @Option(names = "--wait", description = "When paused, wait for the scheduler's resume and continue the session.")
    boolean waitForResume;

    @Option(names = "--poll", defaultValue = "2", paramLabel = "SECONDS",
            description = "How often --wait asks the server whether the task was resumed (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Option(names = "--max-resumes", defaultValue = "20", paramLabel = "N",
            description = "Give up after this many resumes (default: ${DEFAULT-VALUE}).")
    int maxResumes;

    @Option(names = "--fail-closed", description = "Refuse work while the server cannot be reached.")
    boolean failClosed;

    @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "What Claude Code should do.")
    List<String> prompt = new ArrayList<>();

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        PrintWriter progress = root.wantsJson() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        HookOutput output = new HookOutput(spec.commandLine(), root.wantsJson());
        GovernorServer server = root.connect(spec.commandLine());
        String task = taskId == null ? UUID.randomUUID().toString() : taskId.toLowerCase(Locale.ROOT);
        if (!task.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return output.fail(ExitCode.USAGE, "--task must be a UUID (it is also the Claude Code session id)");
        }
        Path cwd = Path.of("").toAbsolutePath();
        ClaudeSession session = new ClaudeSession(claude != null ? claude : "claude", task, cwd, root.environment());
        RunSummary summary = new RunSummary(task);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupted = new Thread(() -> {
            stopping.set(true);
            pauseOnInterrupt(server, session, task);
        }, "token-gov-run-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            RunnerTask state = RunnerTask.prepare(server, task, projectId, agentType, budget, String.join(" ", prompt));
            if (state.paused() && !waitForResume) {
                return paused(summary, server, output, progress, root.wantsJson());
            }
            if (prompt.isEmpty() && !session.exists() && !state.paused()) {
                return output.fail(ExitCode.USAGE, "a PROMPT is needed to start a new session");
            }
            String next = prompt.isEmpty() ? null : String.join(" ", prompt);
            boolean continuing = prompt.isEmpty() && session.exists();
            while (true) {
                if (state.paused()) {
                    progress.println("[governor] task " + task + " is paused: " + state.reason()
                            + "; waiting for the scheduler");
                    progress.flush();
                    state = RunnerTask.awaitResume(server, task, Duration.ofSeconds(Math.max(1, pollSeconds)));
                    if (state.terminal()) {
                        break;
                    }
                    continuing = true;
                }
                if (continuing) {
                    summary.resumes++;
                    next = RunnerTask.resumePrompt(server, task);
                    progress.println("[governor] resumed; continuing session " + task + " from its checkpoint");
                    progress.flush();
                    continuing = false;
                }
                GovernorHooks hooks = session.hasProjectHooks() ? null : new GovernorHooks(server.base(), projectId,
                        budget, failClosed, HooksInstallCommand.defaultLauncher(root.environment()));
                int movesBefore = RunnerTask.moves(server, task);
                int exit = session.run(next, model, claudeArgs, hooks, root.apiKey().orElse(null), server.base(),
                        () -> RunnerTask.directiveIsPause(server, task), progress);
                if (stopping.get()) {
                    return 130; // Ctrl-C: the shutdown hook pauses the task; nothing else may move it
                }
                summary.runs++;
                summary.claudeExit = exit;
                state = RunnerTask.of(server, task);
                // paused during the run, even if the scheduler has resumed it again since
                if (state.paused() || session.stoppedByGovernor() || RunnerTask.pausedSince(server, task, movesBefore)) {
                    if (!waitForResume) {
                        return paused(summary, server, output, progress, root.wantsJson());
                    }
                    if (summary.resumes >= maxResumes) {
                        return output.fail(ExitCode.PAUSED, "resumed " + maxResumes + " times; giving up (--max-resumes)");
                    }
                    continuing = true;
                    continue;
                }
                if (exit != 0) {
                    RunnerTask.move(server, task, "FAILED", "Claude Code exited with " + exit);
                    summary.state = "FAILED";
                    finish(summary, server, progress, root.wantsJson());
                    return ExitCode.AGENT_FAILED.code();
                }
                break;
            }
            if (!RunnerTask.of(server, task).terminal()) {
                RunnerTask.move(server, task, "COMPLETED", "Claude Code finished");
            }
            finish(summary, server, progress, root.wantsJson());
            return ExitCode.OK.code();
        } catch (ServerCallFailed failure) {
            return output.fail(failure.exitCode(), failure.getMessage());
        } catch (ClaudeSession.NotStarted e) {
            return output.fail(ExitCode.USAGE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook runs
            }
        }
    }

    /**
     * Ctrl-C: Claude Code is stopped and a task still running is paused by hand, a state the scheduler leaves
     * alone until someone resumes it ({@code token-gov scheduler resume --task …}).
     */
    private static void pauseOnInterrupt(GovernorServer server, ClaudeSession session, String task) {
        session.stop();
        try {
            if ("RUNNING".equals(RunnerTask.of(server, task).state())) {
                server.post("/api/tasks/pause", Map.of("taskId", task, "reason", "stopped with Ctrl-C (token-gov run)"));
            }
        } catch (ServerCallFailed unreachable) {
            System.err.println("token-gov run: could not pause task " + task + ": " + unreachable.getMessage());
        }
    }

    private int paused(RunSummary summary, GovernorServer server, HookOutput output, PrintWriter progress,
            boolean json) {
        finish(summary, server, progress, json);
        if (!json) {
            spec.commandLine().getOut().println("Paused by the governor. Continue it with: token-gov run --project "
                    + projectId + " --task " + summary.taskId + " --wait");
            spec.commandLine().getOut().flush();
        }
        return ExitCode.PAUSED.code();
    }

    private void finish(RunSummary summary, GovernorServer server, PrintWriter progress, boolean json) {
        JsonNode task = server.get("/api/tasks/" + GovernorServer.segment(summary.taskId)).json();
        summary.state = task.path("state").asText();
        summary.usedTokens = task.path("usedTokens").asLong();
        summary.tokenBudget = task.path("tokenBudget").asLong();
        if (json) {
            spec.commandLine().getOut().println(MAPPER.valueToTree(summary).toString());
        } else {
            progress.println("task " + summary.taskId + ": " + summary.state + ", " + summary.usedTokens + " of "
                    + summary.tokenBudget + " tokens, " + summary.runs + " run(s), " + summary.resumes + " resume(s)");
        }
        spec.commandLine().getOut().flush();
        progress.flush();
    }

    /** What {@code --json} prints at the end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class RunSummary {
        public final String taskId;
        public final String sessionId;
        public String state;
        public long usedTokens;
        public long tokenBudget;
        public int runs;
        public int resumes;
        public Integer claudeExit;

        RunSummary(String taskId) {
            this.taskId = taskId;
            this.sessionId = taskId;
        }
    }
}

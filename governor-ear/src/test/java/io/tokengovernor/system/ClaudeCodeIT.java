package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.JSON;
import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.ClaudeCodeWorkspace.Run;
import io.tokengovernor.system.ScriptedModel.Turn;
import io.tokengovernor.system.ScriptedModel.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI, governed by the hooks {@code token-gov hooks install} writes, against a scripted
 * Messages API and the real server: metering equals the transcript, checkpoints are asked for and recorded, a
 * paused session's tools are refused, foreign hooks keep working, and a server that is down fails open (or closed).
 */
class ClaudeCodeIT {

    @TempDir
    Path root;

    private ScriptedModel model;
    private String projectId;
    private ClaudeCodeWorkspace user;

    @org.junit.jupiter.api.BeforeAll
    static void theApplicationAnswers() throws Exception {
        ServerProcess.awaitApplication(java.time.Duration.ofSeconds(180));
    }

    @BeforeEach
    void aProjectAndAUser() throws Exception {
        model = new ScriptedModel(request -> Turn.text("Nothing to do.", new Usage(10, 5, 0, 0)));
        projectId = newId();
        user = new ClaudeCodeWorkspace(root, registerProject(projectId, 5_000_000), model.url());
    }

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void a_session_is_metered_exactly_from_its_transcript_and_foreign_hooks_keep_working() throws Exception {
        Path marker = root.resolve("foreign-hook-ran");
        String foreign = """
                {"permissions":{"allow":["Bash(echo:*)"]},
                 "hooks":{"PreToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"echo ran >> %s"}]}]}}
                """.formatted(marker);
        Files.createDirectories(user.settings().getParent());
        Files.writeString(user.settings(), foreign);
        Run install = user.tokenGov("hooks", "install", "--project", projectId);
        assertThat(install.exit()).as(install.toString()).isZero();
        assertThat(user.tokenGov("hooks", "install", "--project", projectId).out()).contains("nothing changed");
        model.script(request -> request.answersSoFar() < 3
                ? Turn.tool("echo step " + request.answersSoFar(), new Usage(1200 + request.answersSoFar(), 80, 0, 3000))
                : Turn.text("All done.", new Usage(1500, 40, 0, 4000)));

        Run session = user.claude("do three steps");

        assertThat(session.exit()).as(session.toString()).isZero();
        String sessionId = sessionIdOf(session);
        JsonNode task = get("/api/tasks/" + sessionId).json();
        assertThat(task.path("projectId").asText()).isEqualTo(projectId);
        assertThat(task.path("usedTokens").asLong()).as("metered = the transcript, as token-gov usage reads it")
                .isEqualTo(transcriptTotal(sessionId)).isEqualTo(model.tokensAnswered())
                .isEqualTo((1200 + 80 + 3000) * 3 + 3 + 1500 + 40 + 4000);
        assertThat(Files.readAllLines(marker)).as("the foreign PreToolUse hook ran for every tool").hasSize(3);
        assertThat(model.requests().get(0).everything()).as("the session start added the budget line")
                .contains("TokenGovernor: task 0 of 5M tokens");

        double share = governorShareOfContext(model.requests());
        System.out.printf("ClaudeCodeIT: the governor's texts are %.3f %% of the session's request tokens%n", 100 * share);
        assertThat(share).as("context the governor adds").isLessThan(0.02);

        Run uninstall = user.tokenGov("hooks", "uninstall");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(JSON.readTree(Files.readString(user.settings()))).isEqualTo(JSON.readTree(foreign));
    }

    @Test
    void a_session_is_asked_for_its_checkpoint_then_paused_and_its_next_tool_call_is_denied() throws Exception {
        Path denied = root.resolve("denied-step-ran");
        assertThat(user.tokenGov("hooks", "install", "--project", projectId, "--task-budget", "10000").exit()).isZero();
        model.script(request -> {
            String since = request.sinceLastAnswer();
            if (since.contains("TokenGovernor paused this task")) {
                return request.everything().contains("touch " + denied) ? Turn.text("Stopping.", new Usage(100, 10, 0, 0))
                        : Turn.tool("touch " + denied, new Usage(100, 10, 0, 0));
            }
            if (since.contains("Write your checkpoint now")) {
                return new Turn(List.of(ScriptedModel.Block.text("CHECKPOINT: parsed the input; next: write the report"),
                        ScriptedModel.Block.bash("echo saving")), new Usage(2500, 100, 0, 0));
            }
            return Turn.tool("echo step", new Usage(4000, 100, 0, 0));
        });

        Run session = user.claude("work until told otherwise");

        String sessionId = sessionIdOf(session);
        JsonNode task = get("/api/tasks/" + sessionId).json();
        assertThat(task.path("state").asText()).as(session.toString()).isIn("PAUSED", "QUEUED");
        assertThat(task.path("checkpointState").asText()).isEqualTo("SAVED");
        assertThat(task.path("pausedWithoutCheckpoint").asBoolean()).isFalse();
        JsonNode checkpoints = get("/api/tasks/" + sessionId + "/checkpoints").json();
        assertThat(checkpoints).anySatisfy(checkpoint -> assertThat(checkpoint.path("summary").asText())
                .isEqualTo("parsed the input; next: write the report"));
        assertThat(model.requests()).as("the checkpoint was asked for once")
                .filteredOn(request -> request.sinceLastAnswer().contains("Write your checkpoint now")).hasSize(1);
        assertThat(denied).as("the tool call after the pause was refused").doesNotExist();
        assertThat(model.requests()).anySatisfy(request -> assertThat(request.sinceLastAnswer())
                .contains("TokenGovernor paused this task").contains("is_error"));
        assertThat(task.path("usedTokens").asLong()).isEqualTo(transcriptTotal(sessionId));
        double share = governorShareOfContext(model.requests());
        System.out.printf("ClaudeCodeIT: with a checkpoint request and a pause, the governor's texts are %.3f %% of the "
                + "session's request tokens%n", 100 * share);
        assertThat(share).as("context the governor adds").isLessThan(0.02);
    }

    @Test
    void a_subagent_becomes_a_child_task_of_its_session_and_both_are_metered_exactly() throws Exception {
        assertThat(user.tokenGov("hooks", "install", "--project", projectId).exit()).isZero();
        model.script(request -> {
            if (request.agentId() != null) {
                return request.answersSoFar() == 0 ? Turn.tool("echo from the subagent", new Usage(700, 30, 0, 200))
                        : Turn.text("Subagent finished.", new Usage(900, 20, 0, 300));
            }
            if (request.answersSoFar() == 0) {
                return new Turn(List.of(ScriptedModel.Block.tool("Task", JSON.createObjectNode()
                        .put("description", "look around").put("prompt", "run one echo")
                        .put("subagent_type", "general-purpose"))), new Usage(1000, 60, 0, 0));
            }
            return Turn.text("Main agent finished.", new Usage(1100, 25, 0, 500));
        });

        Run session = user.claude("delegate one step", "--allowedTools", "Task");

        assertThat(session.exit()).as(session.toString()).isZero();
        String sessionId = sessionIdOf(session);
        assertThat(model.requests()).as("the subagent really ran").anyMatch(request -> request.agentId() != null);
        JsonNode tasks = get("/api/tasks?projectId=" + projectId + "&size=50").json().path("items");
        assertThat(tasks).hasSize(2);
        JsonNode child = null;
        for (JsonNode task : tasks) {
            if (!task.path("id").asText().equals(sessionId)) {
                child = task;
            }
        }
        assertThat(child).isNotNull();
        assertThat(child.path("parentTaskId").asText()).isEqualTo(sessionId);
        assertThat(child.path("agentType").asText()).isEqualTo("general-purpose");
        long metered = get("/api/tasks/" + sessionId).json().path("usedTokens").asLong()
                + get("/api/tasks/" + child.path("id").asText()).json().path("usedTokens").asLong();
        assertThat(metered).isEqualTo(transcriptTotal(sessionId)).isEqualTo(model.tokensAnswered());
        assertThat(get("/api/tasks/" + child.path("id").asText()).json().path("usedTokens").asLong())
                .as("the subagent's calls are the child's").isEqualTo(700 + 30 + 200 + 900 + 20 + 300);
    }

    @Test
    void a_server_that_is_down_lets_sessions_go_on_unless_the_hooks_fail_closed() throws Exception {
        String down = "http://127.0.0.1:" + freePort();
        Path ran = root.resolve("ran-while-the-governor-was-down");
        model.script(request -> request.answersSoFar() == 0 ? Turn.tool("touch " + ran, new Usage(100, 10, 0, 0))
                : Turn.text("Done.", new Usage(100, 10, 0, 0)));
        Run install = user.tokenGov("hooks", "install", "--project", projectId, "--server", down);
        assertThat(install.exit()).as(install.toString()).isZero();
        assertThat(install.out()).contains("did not answer");
        Run status = user.tokenGov("hooks", "status");
        assertThat(status.exit()).as(status.toString()).isEqualTo(8);

        Run open = user.claude("touch the file");

        assertThat(open.exit()).as(open.toString()).isZero();
        assertThat(ran).as("fail open: the tool ran").exists();

        Files.delete(ran);
        assertThat(user.tokenGov("hooks", "install", "--project", projectId, "--server", down, "--fail-closed")
                .exit()).isZero();
        Run closed = user.claude("touch the file");
        assertThat(ran).as("fail closed: the tool was refused (" + closed + ")").doesNotExist();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void the_runner_pauses_a_session_and_continues_the_same_session_from_its_checkpoint_after_a_budget_raise()
            throws Exception {
        model.script(obedientWorker(4000));
        String taskId = newId();

        Process runner = user.startTokenGov("run", "--project", projectId, "--task", taskId, "--budget", "10000",
                "--wait", "--poll", "1", "--claude", ClaudeCodeWorkspace.CLAUDE.toString(),
                "--claude-arg=--allowedTools", "--claude-arg=Bash", "--", "work until told otherwise");

        awaitState(taskId, runner, "QUEUED");
        assertThat(runner.isAlive()).as("the runner waits for the scheduler").isTrue();
        GovernorApi.Answer raised = GovernorApi.patch("/api/tasks/" + taskId, "{\"tokenBudget\":100000}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(runner.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("the runner finished").isTrue();
        Run run = Run.of(runner);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("resumed; continuing session " + taskId);
        assertResumedAsTheSameSession(taskId);
    }

    @Test
    void the_runner_continues_a_session_paused_by_a_spent_window_when_the_window_resets() throws Exception {
        ServerClock.ensureAdjustable();
        // an hourly timer: moving the clock to the reset stops at each tick on the way
        assertThat(SchedulerApi.putRules(SchedulerApi.DEFAULT_RULES.replace("\"passIntervalSeconds\":10",
                "\"passIntervalSeconds\":3600")).status()).isEqualTo(200);
        java.time.Instant serverNow = ServerClock.now();
        String window = windowHolding(java.time.Instant.now(), serverNow);
        String windowed = newId();
        GovernorApi.Answer registered = GovernorApi.post("/api/projects/register", """
                {"id":"%s","name":"windowed","owner":"octocat","tier":1,"tokenBudget":20000,"budgetWindow":"%s"}"""
                .formatted(windowed, window));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        user = new ClaudeCodeWorkspace(root.resolve("windowed"), registered.json().path("apiKey").asText(), model.url());
        model.script(obedientWorker(6000));
        String taskId = newId();

        Process runner = user.startTokenGov("run", "--project", windowed, "--task", taskId, "--budget", "1000000",
                "--wait", "--poll", "1", "--claude", ClaudeCodeWorkspace.CLAUDE.toString(),
                "--claude-arg=--allowedTools", "--claude-arg=Bash", "--", "work until told otherwise");

        awaitState(taskId, runner, "QUEUED");
        JsonNode queued = get("/api/tasks/" + taskId).json();
        java.time.Instant reset = io.tokengovernor.core.budget.BudgetWindows.nextStart(
                io.tokengovernor.core.budget.BudgetWindow.valueOf(window), ServerClock.now(), java.time.ZoneOffset.UTC,
                null).orElseThrow();
        ServerClock.moveTo(reset.minusSeconds(1), false);
        assertThat(get("/api/tasks/" + taskId).json().path("state").asText()).as("nothing resumes before the reset")
                .isEqualTo("QUEUED");
        ServerClock.moveTo(reset.plusSeconds(1), false);
        assertThat(runner.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("the runner finished").isTrue();
        Run run = Run.of(runner);

        assertThat(run.exit()).as(run.toString() + queued).isZero();
        assertResumedAsTheSameSession(taskId);
        assertThat(SchedulerApi.putRules(SchedulerApi.DEFAULT_RULES).status()).isEqualTo(200);
    }

    @Test
    void concurrent_sessions_on_one_budget_as_a_swarm_runs_them_are_each_paused_metered_once_and_overshoot_at_most_a_step_each()
            throws Exception {
        long budget = 40_000;
        long step = 3_000;
        String swarm = newId();
        GovernorApi.Answer registered = GovernorApi.post("/api/projects/register", """
                {"id":"%s","name":"swarm","owner":"octocat","tier":1,"tokenBudget":%d}""".formatted(swarm, budget));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        user = new ClaudeCodeWorkspace(root.resolve("swarm"), registered.json().path("apiKey").asText(), model.url());
        assertThat(user.tokenGov("hooks", "install", "--project", swarm).exit()).isZero();
        model.script(obedientWorker(step));
        int workers = 3;

        List<Process> processes = new java.util.ArrayList<>();
        for (int i = 0; i < workers; i++) {
            processes.add(user.startClaude("worker " + i + ": work until told otherwise"));
        }
        List<Run> runs = new java.util.ArrayList<>();
        for (Process process : processes) {
            assertThat(process.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            runs.add(Run.of(process));
        }

        long used = get("/api/projects/" + swarm).json().path("usedTokens").asLong();
        long metered = 0;
        for (Run run : runs) {
            String sessionId = sessionIdOf(run);
            JsonNode task = get("/api/tasks/" + sessionId).json();
            assertThat(get("/api/tasks/" + sessionId + "/directive").json().path("action").asText())
                    .as("the budget is gone for every process").isEqualTo("PAUSE");
            assertThat(task.path("usedTokens").asLong()).as("metered once").isEqualTo(transcriptTotal(sessionId));
            metered += task.path("usedTokens").asLong();
        }
        assertThat(used).isEqualTo(metered).isEqualTo(model.tokensAnswered());
        assertThat(used).as("over budget by at most one step per process").isLessThanOrEqualTo(budget + workers * step);
        assertThat(model.requests()).as("every process was told PAUSE")
                .filteredOn(request -> request.sinceLastAnswer().contains("TokenGovernor paused this task"))
                .extracting(ScriptedModel.Request::sessionId).containsAll(runs.stream().map(run -> {
                    try {
                        return sessionIdOf(run);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList());
    }

    @Test
    void ctrl_c_stops_claude_code_and_leaves_the_task_paused_by_hand_for_the_scheduler_to_leave_alone() throws Exception {
        model.script(request -> Turn.tool("sleep 0.2", new Usage(100, 10, 0, 0)));
        String taskId = newId();
        Process runner = user.startTokenGov("run", "--project", projectId, "--task", taskId, "--claude",
                ClaudeCodeWorkspace.CLAUDE.toString(), "--claude-arg=--allowedTools", "--claude-arg=Bash", "--",
                "work forever");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (model.requests().size() < 2 && System.nanoTime() < deadline && runner.isAlive()) {
            Thread.sleep(100);
        }
        List<ProcessHandle> claude = runner.descendants().toList();
        assertThat(claude).as("Claude Code runs under the runner").isNotEmpty();

        Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start();
        assertThat(interrupt.waitFor()).isZero();

        assertThat(runner.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the runner stopped").isTrue();
        for (ProcessHandle child : claude) {
            child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("Claude Code was stopped too").isFalse();
        }
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.path("state").asText()).isEqualTo("PAUSED");
        JsonNode transitions = task.path("transitions");
        assertThat(transitions.get(transitions.size() - 1).path("reason").asText()).contains("Ctrl-C");
    }

    /**
     * A model that works in steps of {@code step} tokens, writes its checkpoint when asked, stops when paused, and
     * finishes when resumed.
     */
    private static ScriptedModel.Script obedientWorker(long step) {
        return request -> {
            String since = request.sinceLastAnswer();
            if (since.contains("TokenGovernor resumed this task")) {
                return Turn.text("Finished after the resume.", new Usage(500, 20, 0, 0));
            }
            if (since.contains("TokenGovernor paused this task")) {
                return Turn.text("Stopping as the governor asks.", new Usage(300, 10, 0, 0));
            }
            if (since.contains("Write your checkpoint now")) {
                return new Turn(List.of(ScriptedModel.Block.text("CHECKPOINT: steps done so far; next: the rest"),
                        ScriptedModel.Block.bash("echo checkpoint written")), new Usage(step - 100, 100, 0, 0));
            }
            return Turn.tool("echo step " + request.answersSoFar(), new Usage(step - 100, 100, 0, 0));
        };
    }

    private void assertResumedAsTheSameSession(String taskId) throws Exception {
        JsonNode task = get("/api/tasks/" + taskId).json();
        assertThat(task.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(get("/api/tasks/" + taskId + "/checkpoints").json()).as("the checkpoint written before the pause")
                .anySatisfy(checkpoint -> assertThat(checkpoint.path("summary").asText())
                        .isEqualTo("steps done so far; next: the rest"));
        assertThat(task.path("transitions").toString()).contains("QUEUED").contains("\"to\":\"COMPLETED\"");
        assertThat(model.requests()).as("every call is the same session").allSatisfy(request ->
                assertThat(request.sessionId()).isEqualTo(taskId));
        assertThat(model.requests()).as("the resumed session got its checkpoint back").anySatisfy(request ->
                assertThat(request.sinceLastAnswer()).contains("TokenGovernor resumed this task")
                        .contains("steps done so far; next: the rest"));
        try (var files = Files.list(user.transcripts())) {
            assertThat(files.filter(file -> file.toString().endsWith(".jsonl")))
                    .as("one transcript: the session went on").containsExactly(user.transcripts().resolve(taskId + ".jsonl"));
        }
        assertThat(task.path("usedTokens").asLong()).isEqualTo(transcriptTotal(taskId)).isEqualTo(model.tokensAnswered());
    }

    private static void awaitState(String taskId, Process runner, String state) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            GovernorApi.Answer task = get("/api/tasks/" + taskId);
            if (task.status() == 200 && state.equals(task.json().path("state").asText())) {
                return;
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the runner ended before the task was " + state + ": " + Run.of(runner));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + taskId + " never became " + state + ": " + get("/api/tasks/" + taskId).body());
    }

    /** The shortest window that holds both instants (the transcripts' real time and the server's moved clock). */
    private static String windowHolding(java.time.Instant real, java.time.Instant server) {
        for (String window : List.of("DAILY", "WEEKLY", "MONTHLY")) {
            io.tokengovernor.core.budget.BudgetWindow kind = io.tokengovernor.core.budget.BudgetWindow.valueOf(window);
            if (io.tokengovernor.core.budget.BudgetWindows.startOf(kind, real, java.time.ZoneOffset.UTC, null)
                    .equals(io.tokengovernor.core.budget.BudgetWindows.startOf(kind, server, java.time.ZoneOffset.UTC, null))) {
                return window;
            }
        }
        throw new AssertionError("the server's clock (" + server + ") was moved beyond this month; the transcripts' "
                + "usage (" + real + ") cannot fall into its window");
    }

    /**
     * The governor's share of what the model was sent over the session: tokens (cl100k, an approximation of
     * Claude's tokenizer) of the TokenGovernor texts in every request, over the tokens of the whole requests
     * (system prompt, tool definitions and conversation).
     */
    static double governorShareOfContext(List<ScriptedModel.Request> requests) {
        com.knuddels.jtokkit.api.Encoding tokens = com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                .getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE);
        long all = 0;
        long ours = 0;
        for (ScriptedModel.Request request : requests) {
            all += tokens.countTokens(request.everything());
            List<String> strings = new java.util.ArrayList<>();
            collectStrings(request.body(), strings);
            for (String value : strings) {
                int at = value.indexOf("TokenGovernor");
                while (at >= 0) {
                    int end = value.indexOf("\n\n", at);
                    String said = value.substring(at, end < 0 ? value.length() : end);
                    ours += tokens.countTokens(said);
                    at = value.indexOf("TokenGovernor", at + said.length());
                }
            }
        }
        return all == 0 ? 0 : (double) ours / all;
    }

    private static void collectStrings(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, strings));
    }

    static String registerProject(String id, long budget) {
        GovernorApi.Answer answer = GovernorApi.post("/api/projects/register", """
                {"id":"%s","name":"claude-code","owner":"octocat","tier":1,"tokenBudget":%d}""".formatted(id, budget));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("apiKey").asText();
    }

    static String sessionIdOf(Run run) throws Exception {
        for (String line : run.out().split("\n")) {
            if (line.contains("\"subtype\":\"init\"")) {
                return JSON.readTree(line).path("session_id").asText();
            }
        }
        throw new AssertionError("no session started: " + run);
    }

    /** The session's tokens as {@code token-gov usage session --json} reads its transcripts (subagents included). */
    long transcriptTotal(String sessionId) throws Exception {
        return transcriptTotal(user, sessionId);
    }

    static long transcriptTotal(ClaudeCodeWorkspace user, String sessionId) throws Exception {
        Run report = user.tokenGov("usage", "session", "--json");
        assertThat(report.exit()).as(report.toString()).isZero();
        for (JsonNode row : JSON.readTree(report.out()).path("sessions")) {
            if (row.path("sessionId").asText().equals(sessionId)) {
                return row.path("totalTokens").asLong();
            }
        }
        throw new AssertionError("no session " + sessionId + " in " + report.out());
    }
}

package io.tokengovernor.system;

import static io.tokengovernor.system.ClaudeCodeIT.registerProject;
import static io.tokengovernor.system.ClaudeCodeIT.sessionIdOf;
import static io.tokengovernor.system.ClaudeCodeIT.transcriptTotal;
import static io.tokengovernor.system.GovernorApi.JSON;
import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.ClaudeCodeWorkspace.Run;
import io.tokengovernor.system.ScriptedModel.Block;
import io.tokengovernor.system.ScriptedModel.Request;
import io.tokengovernor.system.ScriptedModel.Turn;
import io.tokengovernor.system.ScriptedModel.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Claude-Flow swarm ({@code claude-flow hive-mind spawn --claude}, claude-flow 3.43.0) governed by the hooks
 * {@code token-gov hooks install} writes into the project, against the scripted Messages API and the real server.
 * A hive-mind spawn is one Claude Code process, the queen; its workers are Claude Code subagents the queen starts
 * with the {@code Agent} tool, in the same process. So the session is a task of the project and each worker a
 * child task of it.
 */
class ClaudeFlowIT {

    private static final int WORKERS = 2;

    @TempDir
    Path root;

    private ScriptedModel model;
    private String projectId;
    private ClaudeCodeWorkspace user;

    @BeforeEach
    void aModel() throws Exception {
        model = new ScriptedModel(request -> Turn.text("Nothing to do.", new Usage(10, 5, 0, 0)));
    }

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void a_hive_mind_swarm_is_one_governed_session_whose_workers_are_child_tasks_metered_exactly() throws Exception {
        aGovernedProject(5_000_000);
        model.script(request -> {
            if (request.agentId() != null) {
                int worker = workerOf(request);
                return request.answersSoFar() == 0
                        ? Turn.tool("touch " + ran("worker-" + worker), new Usage(1200 + worker, 40, 0, 500))
                        : Turn.text("Worker " + worker + " finished.", new Usage(1400 + worker, 30, 0, 800));
            }
            return request.answersSoFar() == 0 ? dispatchWorkers(new Usage(3000, 150, 0, 0))
                    : Turn.text("The hive is done.", new Usage(3500, 60, 0, 2000));
        });

        Run swarm = spawnSwarm();

        assertThat(swarm.exit()).as(swarm.toString()).isZero();
        String sessionId = sessionIdOf(swarm);
        assertThat(model.requests().get(0).hasTool("Agent")).as("Claude Code 2.1.332 offers subagents as the Agent tool")
                .isTrue();
        for (int worker = 1; worker <= WORKERS; worker++) {
            assertThat(ran("worker-" + worker)).as("worker %d's step ran: %s", worker, swarm).exists();
        }
        assertThat(model.requests().stream().map(Request::agentId).filter(id -> id != null).distinct())
                .as("two subagents called the model").hasSize(WORKERS);
        List<String> children = childrenOf(sessionId);
        assertThat(children).as("each worker is a child task of the session").hasSize(WORKERS);
        for (String child : children) {
            JsonNode task = get("/api/tasks/" + child).json();
            assertThat(task.path("agentType").asText()).isEqualTo("general-purpose");
            assertThat(task.path("usedTokens").asLong()).as("a worker's calls are its child task's")
                    .isIn(1201 + 40 + 500 + 1401 + 30 + 800L, 1202 + 40 + 500 + 1402 + 30 + 800L);
        }
        assertThat(get("/api/tasks/" + sessionId).json().path("usedTokens").asLong()).as("the queen's calls")
                .isEqualTo(3000 + 150 + 3500 + 60 + 2000);
        long metered = get("/api/projects/" + projectId).json().path("usedTokens").asLong();
        assertThat(metered).as("metered = the transcripts, as token-gov usage reads them = what the model reported")
                .isEqualTo(sessionTotal(sessionId, children)).isEqualTo(transcriptTotal(user, sessionId))
                .isEqualTo(model.tokensAnswered())
                .isEqualTo(3000 + 150 + 3500 + 60 + 2000 + 2 * (1200 + 40 + 500 + 1400 + 30 + 800) + 6);
        assertThat(model.callSessionIds()).as("every model call carried the session id").isNotEmpty()
                .allSatisfy(id -> assertThat(id).isEqualTo(sessionId));
    }

    @Test
    void a_swarm_that_spends_its_projects_budget_is_paused_and_every_further_tool_call_of_the_queen_and_the_workers_is_denied()
            throws Exception {
        long budget = 30_000;
        long step = 3_000;
        Usage aStep = new Usage(step - 100, 100, 0, 0);
        Usage aWord = new Usage(100, 10, 0, 0);
        aGovernedProject(budget);
        model.script(request -> {
            String agent = agentOf(request);
            String since = request.sinceLastAnswer();
            if (since.contains("TokenGovernor paused this task")) {
                // told to stop: one more tool call (which must be refused), then the agent stops
                return request.everything().contains("touch " + ran(agent + "-after-the-pause"))
                        ? Turn.text(agent + " stops as the governor asks.", aWord)
                        : Turn.tool("touch " + ran(agent + "-after-the-pause"), aWord);
            }
            if (since.contains("Write your checkpoint now")) {
                return new Turn(List.of(Block.text("CHECKPOINT: " + agent + " did its steps; next: the rest"),
                        Block.bash("echo checkpoint written")), aStep);
            }
            if (agent.equals("queen")) {
                return request.answersSoFar() == 0 ? dispatchWorkers(aStep) : Turn.text("The hive is done.", aWord);
            }
            return request.answersSoFar() < 20 ? Turn.tool("touch " + ran(agent + "-step-" + request.answersSoFar()), aStep)
                    : Turn.text(agent + " ran out of steps.", aWord);
        });

        Run swarm = spawnSwarm();

        assertThat(swarm.exit()).as(swarm.toString()).isZero();
        String sessionId = sessionIdOf(swarm);
        List<String> tasks = new ArrayList<>(childrenOf(sessionId));
        assertThat(tasks).as("each worker is a child task of the session").hasSize(WORKERS);
        tasks.add(sessionId);
        for (String task : tasks) {
            assertThat(get("/api/tasks/" + task + "/directive").json().path("action").asText())
                    .as("the budget is gone for the queen and every worker").isEqualTo("PAUSE");
        }
        List<String> agents = new ArrayList<>(List.of("queen"));
        for (int worker = 1; worker <= WORKERS; worker++) {
            agents.add("worker-" + worker);
        }
        for (String agent : agents) {
            assertThat(ran(agent + "-after-the-pause")).as("%s's tool call after the pause was refused", agent)
                    .doesNotExist();
            assertThat(model.requests()).as("%s's tool call after the pause was denied by the PreToolUse hook", agent)
                    .filteredOn(request -> agentOf(request).equals(agent))
                    .anySatisfy(request -> assertThat(request.sinceLastAnswer())
                            .contains("PreToolUse:Bash hook error: TokenGovernor paused this task")
                            .contains("\"is_error\":true"));
        }
        long used = get("/api/projects/" + projectId).json().path("usedTokens").asLong();
        assertThat(used).as("metered once: the transcripts, as token-gov usage reads them = what the model reported")
                .isEqualTo(sessionTotal(sessionId, tasks.subList(0, WORKERS))).isEqualTo(transcriptTotal(user, sessionId))
                .isEqualTo(model.tokensAnswered());
        System.out.printf("ClaudeFlowIT: a swarm of a queen and %d workers on a budget of %d tokens (steps of %d) used %d"
                + " (%+d)%n", WORKERS, budget, step, used, used - budget);
        // the decisions lag one call behind (a PreToolUse decision knows every call up to the last PostToolUse), and the
        // workers run concurrently in the one process: each agent may have one step under way when the budget ends
        assertThat(used).as("over budget by at most one step per agent (queen and workers)")
                .isLessThanOrEqualTo(budget + (1 + WORKERS) * step);
    }

    /** Who asked: the queen (the session's main agent) or a worker (a subagent). */
    private static String agentOf(Request request) {
        return request.agentId() == null ? "queen" : "worker-" + workerOf(request);
    }

    /** A project with a budget, and its hooks installed into a fresh project folder that may touch files. */
    private void aGovernedProject(long budget) throws Exception {
        projectId = newId();
        user = new ClaudeCodeWorkspace(root, registerProject(projectId, budget), model.url());
        Files.createDirectories(user.settings().getParent());
        // the workers' steps touch files in the project: Claude Code 2.1.332 refuses a file-writing Bash command in -p
        // mode (even with an allow rule for Bash) unless edits are accepted
        Files.writeString(user.settings(), "{\"permissions\":{\"defaultMode\":\"acceptEdits\"}}");
        Run install = user.tokenGov("hooks", "install", "--project", projectId);
        assertThat(install.exit()).as(install.toString()).isZero();
        // claude-flow passes ./.mcp.json (else ~/.claude.json, which Claude Code refuses as an MCP config) to claude
        Files.writeString(user.project.resolve(".mcp.json"), "{\"mcpServers\":{}}");
    }

    /** {@code claude-flow hive-mind init}, then a two-worker hive-mind spawn that runs Claude Code headless. */
    private Run spawnSwarm() throws Exception {
        Run init = user.claudeFlow(60, "hive-mind", "init");
        assertThat(init.exit()).as(init.toString()).isZero();
        // --no-auto-permissions: else claude-flow adds --dangerously-skip-permissions, which Claude Code refuses as root
        return user.claudeFlow(300, "hive-mind", "spawn", "-n", String.valueOf(WORKERS), "--claude", "--non-interactive",
                "--no-auto-permissions", "-o", "Each worker runs one step of the build");
    }

    /** The queen's first answer: one {@code Agent} call per worker, in one message (Claude Code runs them concurrently). */
    private static Turn dispatchWorkers(Usage usage) {
        List<Block> blocks = new ArrayList<>(List.of(Block.text("Dispatching the workers.")));
        for (int worker = 1; worker <= WORKERS; worker++) {
            blocks.add(Block.tool("Agent", JSON.createObjectNode().put("description", "hive worker " + worker)
                    .put("prompt", "You are hive worker " + worker + ": run your step and report.")
                    .put("subagent_type", "general-purpose")
                    // in the foreground, so the queen waits for the workers' reports (without it Claude Code 2.1.332
                    // runs the subagent in the background and tells the queen later, in a turn of its own)
                    .put("run_in_background", false)));
        }
        return new Turn(blocks, usage);
    }

    private static int workerOf(Request request) {
        for (int worker = 1; worker <= WORKERS; worker++) {
            if (request.everything().contains("You are hive worker " + worker + ":")) {
                return worker;
            }
        }
        throw new AssertionError("a subagent request of no worker: " + request.everything());
    }

    private Path ran(String what) {
        return user.project.resolve(what + "-ran");
    }

    private List<String> childrenOf(String sessionId) {
        List<String> children = new ArrayList<>();
        JsonNode tasks = get("/api/tasks?projectId=" + projectId + "&size=50").json().path("items");
        for (JsonNode task : tasks) {
            if (!task.path("id").asText().equals(sessionId)) {
                assertThat(task.path("parentTaskId").asText()).as(task.toString()).isEqualTo(sessionId);
                children.add(task.path("id").asText());
            }
        }
        return children;
    }

    private static long sessionTotal(String sessionId, List<String> children) {
        long total = get("/api/tasks/" + sessionId).json().path("usedTokens").asLong();
        for (String child : children) {
            total += get("/api/tasks/" + child).json().path("usedTokens").asLong();
        }
        return total;
    }
}

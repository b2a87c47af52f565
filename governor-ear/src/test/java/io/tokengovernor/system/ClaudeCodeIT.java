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

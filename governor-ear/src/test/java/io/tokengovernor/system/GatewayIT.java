package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.JSON;
import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.ClaudeCodeWorkspace.Run;
import io.tokengovernor.system.ScriptedModel.Turn;
import io.tokengovernor.system.ScriptedModel.Usage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway mode: the real Claude Code CLI with {@code ANTHROPIC_BASE_URL} at the server's gateway, and the scripted
 * Messages API as the gateway's upstream. No hooks are installed: the gateway alone meters and stops the session.
 */
class GatewayIT {

    static final String GATEWAY = GovernorApi.BASE + "/gateway/anthropic";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ScriptedModel model;

    @TempDir
    Path root;

    private String projectId;
    private String projectKey;

    @BeforeAll
    static void theUpstream() throws Exception {
        model = new ScriptedModel(request -> Turn.text("Nothing to do.", new Usage(10, 5, 0, 0)),
                GatewayUpstreams.port(GatewayUpstreams.ANTHROPIC));
    }

    @AfterAll
    static void stopUpstream() {
        model.close();
    }

    @BeforeEach
    void aProject() {
        model.holdStreamsOpen(false);
        projectId = newId();
        projectKey = ClaudeCodeIT.registerProject(projectId, 5_000_000);
    }

    /** Claude Code sends the project key in a custom header and its own key, which the gateway passes upstream. */
    private ClaudeCodeWorkspace claudeUser(Path home) throws Exception {
        return new ClaudeCodeWorkspace(home, projectKey, GATEWAY)
                .with("ANTHROPIC_CUSTOM_HEADERS", "x-token-gov-key: " + projectKey);
    }

    @Test
    void a_claude_code_session_through_the_gateway_is_metered_exactly_and_its_headers_pass_unchanged() throws Exception {
        ClaudeCodeWorkspace user = claudeUser(root);
        int before = model.headersSeen().size();
        long sideBefore = model.sideTokensAnswered();
        long answeredBefore = model.tokensAnswered();
        model.script(request -> request.answersSoFar() < 3
                ? Turn.tool("echo step " + request.answersSoFar(), new Usage(1200 + request.answersSoFar(), 80, 0, 3000))
                : Turn.text("All done.", new Usage(1500, 40, 0, 4000)));

        Run session = user.claude("do three steps");

        assertThat(session.exit()).as(session.toString()).isZero();
        String sessionId = ClaudeCodeIT.sessionIdOf(session);
        JsonNode task = get("/api/tasks/" + sessionId).json();
        long transcript = ClaudeCodeIT.transcriptTotal(user, sessionId);
        assertThat(transcript).isEqualTo((1200 + 80 + 3000) * 3 + 3 + 1500 + 40 + 4000)
                .isEqualTo(model.tokensAnswered() - answeredBefore);
        assertThat(task.path("projectId").asText()).isEqualTo(projectId);
        assertThat(task.path("agentType").asText()).as("the hooks' session task").isEqualTo("claude-code");
        long side = model.sideTokensAnswered() - sideBefore;
        assertThat(get("/api/projects/" + projectId).json().path("usedTokens").asLong())
                .as("the gateway meters every call: the transcript's, and the side requests it does not record")
                .isEqualTo(transcript + side);
        assertThat(task.path("usedTokens").asLong()).as("the session's task holds its transcript's calls")
                .isBetween(transcript, transcript + side);
        assertThat(task.path("reservedTokens").asLong()).as("every reservation settled").isZero();

        List<Map<String, List<String>>> seen = model.headersSeen().subList(before, model.headersSeen().size());
        assertThat(seen).isNotEmpty().allSatisfy(headers -> {
            assertThat(headers.get("x-api-key")).as("the client's own key goes upstream").containsExactly("sk-ant-scripted");
            assertThat(headers).doesNotContainKey("x-token-gov-key");
            assertThat(headers).containsKey("anthropic-version");
            assertThat(headers.get("x-claude-code-session-id")).containsExactly(sessionId);
        });
    }

    @Test
    void a_key_the_governor_holds_goes_upstream_in_place_of_the_project_key_and_is_never_shown() throws Exception {
        ClaudeCodeWorkspace user = new ClaudeCodeWorkspace(root, projectKey, GATEWAY)
                .with("ANTHROPIC_API_KEY", projectKey).with("TOKEN_GOV_UPSTREAM_KEY", "sk-ant-held-by-the-governor");
        Run stored = user.tokenGov("--json", "gateway-key", "set", "--project", projectId);
        assertThat(stored.exit()).as(stored.toString()).isZero();
        assertThat(JSON.readTree(stored.out()).path("held").has("anthropic")).isTrue();
        assertThat(stored.out() + get("/api/projects/" + projectId + "/gateway-key").body())
                .doesNotContain("sk-ant-held-by-the-governor");
        int before = model.headersSeen().size();

        Run session = user.claude("say ok");

        assertThat(session.exit()).as(session.toString()).isZero();
        assertThat(model.headersSeen().subList(before, model.headersSeen().size())).isNotEmpty()
                .allSatisfy(headers -> assertThat(headers.get("x-api-key")).containsExactly("sk-ant-held-by-the-governor"));
        Run deleted = user.tokenGov("gateway-key", "delete", "--project", projectId);
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("holds no upstream key");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/v1/messages"))
                .header("x-api-key", projectKey).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("holds no anthropic key");
        Run badProvider = user.tokenGov("gateway-key", "set", "--project", projectId, "--provider", "mistral");
        assertThat(badProvider.exit()).as(badProvider.toString()).isEqualTo(3);
    }

    @Test
    void a_session_is_stopped_at_pause_with_the_api_error_in_its_result() throws Exception {
        long budget = 120_000;
        projectId = newId();
        projectKey = ClaudeCodeIT.registerProject(projectId, budget);
        ClaudeCodeWorkspace user = claudeUser(root);
        model.script(request -> Turn.tool("echo step", new Usage(2_000, 100, 0, 28_000)));

        Run session = user.claude("work until told otherwise");

        String result = resultOf(session);
        assertThat(result).as(session.toString()).contains("429").contains("TokenGovernor").contains("paused");
        String sessionId = ClaudeCodeIT.sessionIdOf(session);
        JsonNode project = get("/api/projects/" + projectId).json();
        long used = project.path("usedTokens").asLong();
        assertThat(used).as("stopped within one call of the budget").isLessThanOrEqualTo(budget + 30_100);
        assertThat(get("/api/tasks/" + sessionId).json().path("reservedTokens").asLong()).isZero();
        assertThat(ClaudeCodeIT.transcriptTotal(user, sessionId)).as("nothing spent that was not metered")
                .isLessThanOrEqualTo(get("/api/tasks/" + sessionId).json().path("usedTokens").asLong());
        assertThat(model.requests()).as("the model was told to checkpoint once before the pause")
                .filteredOn(request -> request.sinceLastAnswer().contains("Write your checkpoint now")).hasSize(1);
    }

    @Test
    void subagent_calls_are_metered_on_child_tasks_of_the_session() throws Exception {
        ClaudeCodeWorkspace user = claudeUser(root);
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
        String sessionId = ClaudeCodeIT.sessionIdOf(session);
        JsonNode tasks = get("/api/tasks?projectId=" + projectId + "&size=50").json().path("items");
        JsonNode child = null;
        for (JsonNode task : tasks) {
            if (sessionId.equals(task.path("parentTaskId").asText())) {
                child = task;
            }
        }
        assertThat(child).as(tasks.toString()).isNotNull();
        assertThat(get("/api/tasks/" + child.path("id").asText()).json().path("usedTokens").asLong())
                .as("the subagent's calls are the child's").isEqualTo(700 + 30 + 200 + 900 + 20 + 300);
        assertThat(get("/api/tasks/" + sessionId).json().path("usedTokens").asLong())
                .as("the main agent's calls are the session's (side requests aside)")
                .isGreaterThanOrEqualTo(1000 + 60 + 1100 + 25 + 500);
    }

    @Test
    void a_client_that_disconnects_mid_stream_is_settled_at_what_was_reported_and_streamed() throws Exception {
        model.holdStreamsOpen(true);
        model.script(request -> Turn.text("x".repeat(400), new Usage(5_000, 1, 0, 1_000)));
        String sessionId = newId();
        HttpResponse<InputStream> answer = HTTP.send(messages(sessionId, true).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = events.readLine()) != null && !line.equals("event: ping")) {
                // read up to the first ping: message_start and the text came before it
            }
        }
        model.awaitCutStream(30);
        JsonNode task = awaitUsed(sessionId, 30);
        assertThat(task.path("usedTokens").asLong()).as("input and cache reported, 400 characters streamed")
                .isEqualTo(5_000 + 1_000 + 100);
        assertThat(task.path("reservedTokens").asLong()).isZero();
    }

    @Test
    void concurrent_streams_on_one_budget_overshoot_it_by_at_most_one_step_each() throws Exception {
        int streams = 64;
        long step = 3_000;
        long budget = 100_000;
        projectId = newId();
        projectKey = ClaudeCodeIT.registerProject(projectId, budget);
        model.script(request -> Turn.text("ok", new Usage(2_000, 1_000, 0, 0)));
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Future<Long>> workers = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            String session = newId();
            Callable<Long> worker = () -> {
                long answered = 0;
                while (true) {
                    HttpResponse<String> call = HTTP.send(messages(session, true).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (call.statusCode() == 429) {
                        assertThat(call.headers().firstValue("x-should-retry")).contains("false");
                        return answered;
                    }
                    assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
                    assertThat(call.body()).contains("event: message_stop");
                    answered += step;
                }
            };
            workers.add(pool.submit(worker));
        }
        long answered = 0;
        for (Future<Long> worker : workers) {
            answered += worker.get();
        }
        pool.shutdown();
        long used = get("/api/projects/" + projectId).json().path("usedTokens").asLong();
        assertThat(used).as("metered exactly").isEqualTo(answered);
        assertThat(used).as("over budget by at most one step per stream").isLessThanOrEqualTo(budget + streams * step);
        assertThat(get("/api/projects/" + projectId).json().path("reservedTokens").asLong()).isZero();
        System.out.printf("GatewayIT: %d streams on a budget of %d used %d (overshoot %d, bound %d)%n", streams, budget,
                used, Math.max(0, used - budget), streams * step);
    }

    @Test
    void bad_calls_are_refused_in_the_api_s_error_format_and_change_nothing() throws Exception {
        HttpResponse<String> noKey = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noKey.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
        for (String body : List.of("{\"a\":{\"b\":1", "[1]", "{\"a\":1,\"a\":2}", "{\"stream\":\"yes\"}", "")) {
            HttpResponse<String> bad = HTTP.send(messages(newId(), true).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            JsonNode error = JSON.readTree(bad.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
        }
        HttpResponse<String> wrongKey = HTTP.send(messages(newId(), true, "tgp_nobody").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(get("/api/projects/" + projectId).json().path("usedTokens").asLong()).isZero();
    }

    /** A Messages API call as Claude Code makes it, with the project key in the custom header. */
    private HttpRequest.Builder messages(String sessionId, boolean stream) {
        return messages(sessionId, stream, projectKey);
    }

    private static HttpRequest.Builder messages(String sessionId, boolean stream, String projectKey) {
        String body = """
                {"model":"claude-sonnet-4-5","max_tokens":1000,"stream":%s,
                 "messages":[{"role":"user","content":"say ok"}]}""".formatted(stream);
        return HttpRequest.newBuilder(URI.create(GATEWAY + "/v1/messages?beta=true"))
                .header("content-type", "application/json").header("anthropic-version", "2023-06-01")
                .header("x-api-key", "sk-ant-scripted").header("x-token-gov-key", projectKey)
                .header("x-claude-code-session-id", sessionId).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Waits until the task's usage is recorded (the ledger answers after its commit), at most {@code seconds}. */
    private static JsonNode awaitUsed(String taskId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            GovernorApi.Answer task = get("/api/tasks/" + taskId);
            if (task.status() == 200 && task.json().path("usedTokens").asLong() > 0
                    && task.json().path("reservedTokens").asLong() == 0) {
                return task.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("task " + taskId + " was never settled: " + get("/api/tasks/" + taskId).body());
    }

    static String resultOf(Run session) throws Exception {
        for (String line : session.out().split("\n")) {
            if (line.contains("\"type\":\"result\"")) {
                return JSON.readTree(line).path("result").asText();
            }
        }
        throw new AssertionError("no result line: " + session);
    }
}

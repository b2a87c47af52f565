package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's OpenAI path with the real {@code openai} npm client, run by node's own test runner
 * ({@code node --test}), against the server's gateway and a scripted Chat Completions API as its upstream.
 */
class GatewayOpenAiIT {

    static final Path NODE_MODULES = Path.of(System.getProperty("openai.node.modules",
            System.getProperty("user.home") + "/.cache/token-governor/openai-7.55.0/node_modules"));
    private static final long CALL = ScriptedChat.PROMPT + ScriptedChat.COMPLETION;

    private static ScriptedChat upstream;

    @TempDir
    Path root;

    @BeforeAll
    static void theUpstream() throws Exception {
        upstream = new ScriptedChat(GatewayUpstreams.port(GatewayUpstreams.OPENAI));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void the_openai_client_streams_and_completes_through_the_gateway_metered_from_the_api_s_own_usage()
            throws Exception {
        String projectId = newId();
        String projectKey = ClaudeCodeIT.registerProject(projectId, 1_000_000);
        int before = upstream.requests().size();

        Node run = node(projectKey, Map.of("OPENAI_UPSTREAM_KEY", "sk-openai-passed-through"), """
                test('a streamed completion arrives whole, with the usage chunk the gateway asked for', async () => {
                  const stream = await client.chat.completions.create({model: 'gpt-4o-mini', stream: true,
                    messages: [{role: 'user', content: 'say hello'}]});
                  let text = '';
                  let usage = null;
                  for await (const chunk of stream) {
                    text += chunk.choices[0]?.delta?.content ?? '';
                    if (chunk.usage) usage = chunk.usage;
                  }
                  assert.equal(text, 'Hello from the scripted model');
                  assert.equal(usage.prompt_tokens, 900);
                  assert.equal(usage.prompt_tokens_details.cached_tokens, 512);
                });
                test('a whole completion', async () => {
                  const completion = await client.chat.completions.create({model: 'gpt-4o-mini',
                    messages: [{role: 'user', content: 'say hello'}]});
                  assert.equal(completion.choices[0].message.content, 'Hello from the scripted model');
                  assert.equal(completion.usage.completion_tokens, 12);
                });
                """);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("# pass 2").contains("# fail 0");
        assertThat(upstream.requests().subList(before, upstream.requests().size())).hasSize(2)
                .anySatisfy(request -> assertThat(request.path("stream_options").path("include_usage").asBoolean())
                        .as("the gateway asked the stream for its usage").isTrue());
        assertThat(upstream.authorizations().subList(before, upstream.authorizations().size()))
                .as("the client's own key went upstream, the project's key did not")
                .containsOnly("Bearer sk-openai-passed-through");
        String task = io.tokengovernor.gateway.boundary.GatewayTasks.defaultTaskOf(projectId);
        assertThat(get("/api/tasks/" + task).json().path("usedTokens").asLong()).isEqualTo(2 * CALL);
        assertThat(get("/api/projects/" + projectId).json().path("usedTokens").asLong()).isEqualTo(2 * CALL);
        assertThat(get("/api/tasks/" + task).json().path("reservedTokens").asLong()).isZero();
    }

    @Test
    void a_paused_project_is_refused_with_an_openai_error_the_client_does_not_retry() throws Exception {
        String projectId = newId();
        String projectKey = ClaudeCodeIT.registerProject(projectId, CALL + 10);
        int before = upstream.requests().size();

        Node run = node(projectKey, Map.of("OPENAI_UPSTREAM_KEY", "sk-openai-passed-through"), """
                test('the first call is served, the next one refused for good', async () => {
                  await client.chat.completions.create({model: 'gpt-4o-mini', max_tokens: 100,
                    messages: [{role: 'user', content: 'a'}]});
                  await assert.rejects(client.chat.completions.create({model: 'gpt-4o-mini', max_tokens: 100,
                    messages: [{role: 'user', content: 'b'}]}), (error) => {
                      assert.equal(error.status, 429);
                      assert.match(error.message, /TokenGovernor/);
                      assert.equal(error.code, 'insufficient_quota');
                      return true;
                    });
                });
                """);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(upstream.requests().subList(before, upstream.requests().size()))
                .as("the refused call never reached the upstream, and was not retried into it").hasSize(1);
        assertThat(get("/api/projects/" + projectId).json().path("usedTokens").asLong()).isEqualTo(CALL);
    }

    /** Runs the tests with {@code node --test}; {@code client} is an OpenAI client at the gateway. */
    private Node node(String projectKey, Map<String, String> extra, String tests) throws Exception {
        if (!Files.isDirectory(NODE_MODULES.resolve("openai"))) {
            throw new IllegalStateException("the openai npm client was not found in " + NODE_MODULES + " (the "
                    + "governor-ear build installs it with npm: src/test/claude-code/install-openai.sh); is npm installed?");
        }
        Path file = root.resolve("gateway.test.cjs");
        Files.writeString(file, """
                const { test } = require('node:test');
                const assert = require('node:assert/strict');
                const OpenAI = require('openai');
                const client = new OpenAI({baseURL: process.env.GATEWAY_URL, apiKey: process.env.OPENAI_UPSTREAM_KEY,
                  defaultHeaders: {'x-token-gov-key': process.env.PROJECT_KEY}, maxRetries: 2});
                """ + tests);
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--test", "--test-reporter=tap", file.toString()))
                .directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.put("NODE_PATH", NODE_MODULES.toString());
        env.put("GATEWAY_URL", GovernorApi.BASE + "/gateway/openai/v1");
        env.put("PROJECT_KEY", projectKey);
        env.putAll(new HashMap<>(extra));
        Path out = root.resolve("node.out");
        Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node --test did not finish: " + Files.readString(out));
        }
        return new Node(process.exitValue(), Files.readString(out));
    }

    record Node(int exit, String out) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out;
        }
    }
}

package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureCommandTest {

    private static final String SESSION = "0f8f2b5e-7a1c-4c55-9a3e-3b1d2f6e8a90";
    private static final String PROJECT = "{\"id\":\"p-1\",\"name\":\"demo\",\"tokenBudget\":1000000}";

    private final FakeGovernor governor = new FakeGovernor();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path claude;

    MeasureCommandTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void an_import_registers_a_task_per_session_and_sends_each_call_once_as_ccusage_counts_it() throws Exception {
        Path sessionFile = claude.resolve("projects/-home-dev-app/" + SESSION + ".jsonl");
        Path subagentFile = claude.resolve("projects/-home-dev-app/" + SESSION + "/subagents/agent-a1.jsonl");
        Files.createDirectories(subagentFile.getParent());
        Files.writeString(sessionFile, line("msg_1", "req_1", 100, 10) + line("msg_1", "req_1", 100, 40)
                + line("msg_2", "req_2", 50, 5) + "{\"message\":{\"usage\":{\"input_tokens\":\n");
        Files.writeString(subagentFile, line("msg_3", "req_3", 7, 3));
        governor.answer("GET", "/api/projects/p-1", 200, PROJECT)
                .answer("POST", "/api/tasks/register", 201, "{\"id\":\"t\"}")
                .answer("POST", "/api/usage/batch", 200, "{\"accepted\":3,\"duplicates\":0,\"directives\":[]}");

        CliRun run = CliRun.withEnvironment(Map.of("CLAUDE_CONFIG_DIR", claude.toString()), "--json", "measure",
                "--ccusage", "--project", "p-1", "--server", governor.url(), "--api-key", "k");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> tasks = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (FakeGovernor.Received request : governor.received()) {
            if (request.uri().equals("/api/tasks/register")) {
                tasks.add(json.readTree(request.body()));
            } else if (request.uri().equals("/api/usage/batch")) {
                json.readTree(request.body()).get("events").forEach(events::add);
            }
        }
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).get("id").asText()).as("the session's own UUID").isEqualTo(SESSION);
        assertThat(tasks.get(0).get("tokenBudget").asLong()).isEqualTo(1_000_000);
        assertThat(tasks.get(1).get("parentTaskId").asText()).isEqualTo(SESSION);
        assertThat(tasks.get(1).get("agentId").asText()).isNotEqualTo(tasks.get(0).get("agentId").asText());
        assertThat(events).extracting(event -> event.get("eventId").asText())
                .containsExactlyInAnyOrder("msg_1:req_1", "msg_2:req_2", "msg_3:req_3");
        JsonNode streamed = events.stream().filter(e -> e.get("eventId").asText().equals("msg_1:req_1"))
                .findFirst().orElseThrow();
        assertThat(streamed.get("outputTokens").asLong()).as("the larger streamed copy wins").isEqualTo(40);
        assertThat(streamed.get("source").asText()).isEqualTo("claude-code-log");
        JsonNode summary = json.readTree(run.out());
        assertThat(summary.get("accepted").asInt()).isEqualTo(3);
        assertThat(summary.get("skippedLines").asInt()).isEqualTo(1);
    }

    @Test
    void an_import_reads_as_the_reports_do_advisors_are_calls_of_their_own_and_a_side_chain_replay_is_not_one() throws Exception {
        Path sessionFile = claude.resolve("projects/-home-dev-app/" + SESSION + ".jsonl");
        Path subagentFile = claude.resolve("projects/-home-dev-app/" + SESSION + "/subagents/agent-a1.jsonl");
        Files.createDirectories(subagentFile.getParent());
        Files.writeString(sessionFile, line("msg_1", "req_1", 100, 10).replace("\"cache_read_input_tokens\":0",
                "\"cache_read_input_tokens\":0,\"iterations\":[{\"type\":\"advisor_message\",\"model\":\"claude-opus-4-6\","
                        + "\"input_tokens\":300,\"output_tokens\":30}]"));
        Files.writeString(subagentFile, line("msg_1", "req_replay", 5, 5).replace("{\"timestamp\"", "{\"isSidechain\":true,\"timestamp\""));
        governor.answer("GET", "/api/projects/p-1", 200, PROJECT)
                .answer("POST", "/api/tasks/register", 201, "{\"id\":\"t\"}")
                .answer("POST", "/api/usage/batch", 200, "{\"accepted\":2,\"duplicates\":0,\"directives\":[]}");

        CliRun run = CliRun.withEnvironment(Map.of("CLAUDE_CONFIG_DIR", claude.toString()), "--json", "measure",
                "--ccusage", "--project", "p-1", "--server", governor.url(), "--api-key", "k");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (FakeGovernor.Received request : governor.received()) {
            if (request.uri().equals("/api/usage/batch")) {
                json.readTree(request.body()).get("events").forEach(events::add);
            }
        }
        assertThat(events).extracting(event -> event.get("eventId").asText() + " " + event.get("model").asText()
                        + " " + event.get("inputTokens").asLong())
                .containsExactly("msg_1:req_1 claude-sonnet-4-5-20250929 100", "msg_1:advisor:0:req_1 claude-opus-4-6 300");
    }

    @Test
    void a_missing_log_folder_is_a_clear_usage_error() {
        CliRun run = CliRun.withEnvironment(Map.of("CLAUDE_CONFIG_DIR", claude.resolve("nowhere").toString()),
                "measure", "--ccusage", "--project", "p-1", "--server", governor.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(governor.received()).isEmpty();
    }

    private static String line(String messageId, String requestId, long input, long output) {
        return """
                {"timestamp":"2026-11-29T10:00:00.000Z","sessionId":"%s","version":"1.0.0","requestId":"%s",\
                "message":{"id":"%s","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":%d,\
                "output_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}
                """.formatted(SESSION, requestId, messageId, input, output);
    }
}

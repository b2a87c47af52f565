package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real token-gov launcher against the running server. */
class CliIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("governor.launcher", "../token-gov"));

    @Test
    void register_a_project_and_a_task_and_read_their_status() throws Exception {
        String projectId = newId();

        Run register = tokenGov("register", "--id", projectId, "--name", "cli-demo", "--owner", "octocat",
                "--budget", "120000", "--tier", "1");
        Run task = tokenGov("--json", "task", "add", "--project", projectId, "--complexity", "SIMPLE");
        Run status = tokenGov("--json", "status", "project", projectId);
        Run table = tokenGov("status", "project", projectId);

        assertThat(register.exit()).as(register.err()).isZero();
        assertThat(register.out()).contains(projectId).contains("120000");
        assertThat(get("/api/projects/" + projectId).json().get("name").asText()).isEqualTo("cli-demo");
        assertThat(task.exit()).as(task.err()).isZero();
        JsonNode taskJson = GovernorApi.JSON.readTree(task.out());
        assertThat(taskJson.get("estimatedTokens").asLong()).isEqualTo(500);
        assertThat(status.exit()).isZero();
        JsonNode statusJson = GovernorApi.JSON.readTree(status.out());
        assertThat(statusJson.get("budget").asLong()).isEqualTo(120_000);
        assertThat(statusJson.get("counts").get("tasks").asLong()).isEqualTo(1);
        assertThat(table.out()).contains("remaining").contains("120000");
    }

    @Test
    void a_refused_request_prints_the_servers_detail_and_exits_non_zero() throws Exception {
        Run invalid = tokenGov("register", "--name", "bad", "--owner", "o", "--budget", "-1", "--tier", "1");
        Run conflict;
        String id = newId();
        tokenGov("register", "--id", id, "--name", "one", "--owner", "o", "--budget", "10", "--tier", "1");
        conflict = tokenGov("register", "--id", id, "--name", "two", "--owner", "o", "--budget", "10", "--tier", "1");

        assertThat(invalid.exit()).isEqualTo(3);
        assertThat(invalid.err()).contains("tokenBudget");
        assertThat(conflict.exit()).isEqualTo(5);
        assertThat(conflict.err()).contains("differs in name");
        assertThat(conflict.err()).doesNotContain("Exception");
    }

    @Test
    void a_server_that_is_down_gives_one_clear_line() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run down = tokenGov("--server", "http://127.0.0.1:" + closedPort, "status");

        assertThat(down.exit()).isEqualTo(8);
        assertThat(down.err().strip().lines().count()).isEqualTo(1);
        assertThat(down.err()).contains("cannot reach TokenGovernor").doesNotContain("at java.");
    }

    @Test
    void importing_claude_code_logs_twice_counts_each_call_once(@org.junit.jupiter.api.io.TempDir Path claude)
            throws Exception {
        String projectId = GovernorApi.registerProject(newId(), "imported", 10_000_000);
        String session = newId();
        Path log = claude.resolve("projects/-work-app/" + session + ".jsonl");
        Files.createDirectories(log.getParent());
        StringBuilder lines = new StringBuilder();
        long expected = 0;
        for (int call = 0; call < 25; call++) {
            long input = 100 + call;
            // every call streamed twice, the second copy larger: ccusage (and the import) keep the larger
            lines.append(logLine(session, "msg_" + call + "_" + session, "req_" + call, input, 5));
            lines.append(logLine(session, "msg_" + call + "_" + session, "req_" + call, input, 50));
            expected += input + 50;
        }
        Files.writeString(log, lines);

        Run first = tokenGovWith(java.util.Map.of("CLAUDE_CONFIG_DIR", claude.toString()), "--json", "measure",
                "--ccusage", "--project", projectId);
        Run second = tokenGovWith(java.util.Map.of("CLAUDE_CONFIG_DIR", claude.toString()), "--json", "measure",
                "--ccusage", "--project", projectId);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(GovernorApi.JSON.readTree(first.out()).get("accepted").asInt()).isEqualTo(25);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(GovernorApi.JSON.readTree(second.out()).get("accepted").asInt()).isZero();
        assertThat(GovernorApi.JSON.readTree(second.out()).get("duplicates").asInt()).isEqualTo(25);
        assertThat(get("/api/projects/" + projectId).json().get("usedTokens").asLong()).isEqualTo(expected);
        assertThat(get("/api/tasks/" + session).json().get("usedTokens").asLong()).isEqualTo(expected);
    }

    private static String logLine(String session, String messageId, String requestId, long input, long output) {
        return """
                {"timestamp":"2026-11-29T10:00:00.000Z","sessionId":"%s","version":"1.0.0","requestId":"%s",\
                "message":{"id":"%s","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":%d,\
                "output_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}
                """.formatted(session, requestId, messageId, input, output);
    }

    private static Run tokenGov(String... args) throws IOException, InterruptedException {
        return tokenGovWith(java.util.Map.of(), args);
    }

    /** The real launcher with the server's address and the admin key, plus {@code environment}. */
    static Run tokenGovWith(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TOKEN_GOV_URL", GovernorApi.BASE);
        builder.environment().put("TOKEN_GOV_API_KEY", GovernorApi.adminKey());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("token-gov", ".out");
        Path err = Files.createTempFile("token-gov", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("token-gov did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    record Run(int exit, String out, String err) {
    }
}

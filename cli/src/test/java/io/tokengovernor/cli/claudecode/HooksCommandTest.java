package io.tokengovernor.cli.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.cli.TokenGov;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks commands without a server: bad input changes nothing, status and uninstall of nothing. */
class HooksCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_project_that_is_not_a_uuid_is_a_usage_error_and_writes_nothing() {
        Result run = run("hooks", "install", "--project", "my-project", "--dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--project must be a project's UUID");
        assertThat(dir.resolve(".claude")).doesNotExist();
    }

    @Test
    void a_broken_settings_file_is_refused_and_left_as_it_was() throws Exception {
        Path settings = Files.createDirectories(dir.resolve(".claude")).resolve("settings.json");
        Files.writeString(settings, "{\"hooks\": {");

        Result run = run("--server", "http://127.0.0.1:1", "hooks", "install", "--project",
                "3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11", "--dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not valid JSON").contains("nothing was changed");
        assertThat(Files.readString(settings)).isEqualTo("{\"hooks\": {");
    }

    @Test
    void with_the_server_down_hooks_are_installed_anyway_and_fail_open_and_status_says_the_server_is_down()
            throws Exception {
        Result install = run("--server", "http://127.0.0.1:1", "hooks", "install", "--project",
                "3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11", "--dir", dir.toString(), "--scope", "local");
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.out()).contains("did not answer").contains("installed anyway");
        assertThat(dir.resolve(".claude/settings.local.json")).exists();
        assertThat(dir.resolve(".claude/settings.json")).doesNotExist();

        Result status = run("--json", "hooks", "status", "--dir", dir.toString(), "--scope", "local");
        assertThat(status.exit()).isEqualTo(8);
        assertThat(status.out()).contains("\"installed\":true").contains("\"failClosed\":false")
                .contains("\"projectId\":\"3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11\"");
    }

    @Test
    void status_and_uninstall_of_nothing_say_so() {
        Result status = run("hooks", "status", "--dir", dir.toString());
        assertThat(status.exit()).isEqualTo(4);
        assertThat(status.out()).contains("No TokenGovernor hooks");
        Result uninstall = run("hooks", "uninstall", "--dir", dir.toString());
        assertThat(uninstall.exit()).isZero();
        assertThat(uninstall.out()).contains("nothing changed");
    }

    @Test
    void the_relay_lets_a_session_go_on_when_the_server_is_down_unless_it_fails_closed() {
        String afterTool = "{\"session_id\":\"3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11\",\"hook_event_name\":\"PostToolUse\"}";
        Result open = relay(afterTool);
        assertThat(open.exit()).isZero();
        assertThat(open.out()).isEmpty();
        assertThat(open.err()).contains("fail open");

        Result closed = relay(afterTool, "--fail-closed");
        assertThat(closed.exit()).isZero();
        assertThat(closed.out()).contains("\"decision\":\"block\"").contains("cannot be reached");

        Result atStop = relay(afterTool.replace("PostToolUse", "Stop"), "--fail-closed");
        assertThat(atStop.out()).as("never trapped at Stop").isEmpty();
    }

    private Result relay(String input, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "--server";
        args[1] = "http://127.0.0.1:1";
        args[2] = "hooks";
        args[3] = "relay";
        args[4] = "--project=3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11";
        System.arraycopy(more, 0, args, 5, more.length);
        return withInput(input, args);
    }

    private Result run(String... args) {
        return withInput(null, args);
    }

    private Result withInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "PATH", "");
        var commandLine = TokenGov.commandLine(new TokenGov(env), new PrintWriter(out), new PrintWriter(err));
        if (input != null) {
            HooksRelayCommand relay = commandLine.getSubcommands().get("hooks").getSubcommands().get("relay")
                    .getCommand();
            relay.input = new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }
}

package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class UnreachableServerTest {

    /** A loopback port that was free a moment ago and that nobody listens on now. */
    private static String deadServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void aServerThatIsDownGivesOneLineWithoutStackTraceAndExits8() throws IOException {
        String url = deadServer();

        CliRun run = CliRun.of("status", "--server", url);

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("error: cannot reach TokenGovernor at " + url
                + " (connection refused) - is the server running? Set --server or TOKEN_GOV_URL.");
    }

    @Test
    void withJsonAnUnreachableServerIsStillReportedOnStderr() throws IOException {
        CliRun run = CliRun.of("register", "--json", "--server", deadServer(),
                "--name", "x", "--owner", "y", "--budget", "1", "--tier", "1");

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

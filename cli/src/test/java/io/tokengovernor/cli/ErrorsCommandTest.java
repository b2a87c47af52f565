package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.notify.WebhookSignature;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorsCommandTest {

    private static final String ERRORS = """
            [{"id":"e1","occurredAt":"2026-11-29T10:00:00Z","kind":"EXTERNAL_CALL","source":"webhook paused",\
            "detail":"the receiver answered HTTP 500","projectId":"p-1"}]""";

    private final FakeGovernor governor = new FakeGovernor();
    private final FakeGovernor receiver = new FakeGovernor();

    ErrorsCommandTest() throws Exception {
    }

    @AfterEach
    void stopServers() {
        governor.close();
        receiver.close();
    }

    @Test
    void the_error_log_is_listed_as_a_table() {
        governor.answer("GET", "/api/errors?limit=100", 200, ERRORS);

        CliRun run = CliRun.of("errors", "--server", governor.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("EXTERNAL_CALL").contains("the receiver answered HTTP 500");
    }

    @Test
    void since_takes_a_time_and_is_sent_as_an_instant() {
        governor.answer("GET", "/api/errors?limit=5&since=2026-11-29T09%3A00%3A00Z", 200, "[]");

        CliRun run = CliRun.of("errors", "--server", governor.url(), "--limit", "5", "--since",
                "2026-11-29T10:00:00+01:00");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No errors since");
    }

    @Test
    void notify_posts_the_list_signed_to_the_webhook() {
        governor.answer("GET", "/api/errors?limit=100", 200, ERRORS);
        receiver.answer("POST", "/hook", 200, "{}");

        CliRun run = CliRun.of("errors", "--server", governor.url(), "--notify", receiver.url() + "/hook",
                "--secret", "s3cret");

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakeGovernor.Received sent = receiver.onlyRequest();
        assertThat(sent.body()).contains("\"event\":\"errors\"").contains("HTTP 500");
        assertThat(WebhookSignature.verify("s3cret", sent.body(), sent.header(WebhookSignature.HEADER))).isTrue();
        assertThat(run.out()).contains("Sent 1 entries");
    }

    @Test
    void an_unreachable_webhook_is_one_clear_line_and_exit_8() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        governor.answer("GET", "/api/errors?limit=100", 200, ERRORS);

        CliRun run = CliRun.of("errors", "--server", governor.url(), "--notify", "http://127.0.0.1:" + closed + "/x");

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the webhook");
    }

    @Test
    void a_bad_since_is_a_usage_error() {
        CliRun run = CliRun.of("errors", "--server", governor.url(), "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(governor.received()).isEmpty();
    }
}

package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayKeyCommandTest {

    private static final String HELD = """
            {"projectId":"p-1","held":{"anthropic":"2026-12-05T12:00:00.000Z"}}""";

    private final FakeGovernor governor = new FakeGovernor();

    GatewayKeyCommandTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        governor.close();
    }

    @Test
    void set_sends_the_key_from_the_environment_and_never_prints_it() throws Exception {
        governor.answer("PUT", "/api/projects/p-1/gateway-key", 200, HELD);

        CliRun run = CliRun.withEnvironment(Map.of("TOKEN_GOV_UPSTREAM_KEY", "sk-ant-secret"), "gateway-key", "set",
                "--server", governor.url(), "--api-key", "k", "--project", "p-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode body = new ObjectMapper().readTree(governor.onlyRequest().body());
        assertThat(body.get("provider").asText()).isEqualTo("anthropic");
        assertThat(body.get("key").asText()).isEqualTo("sk-ant-secret");
        assertThat(run.out()).contains("anthropic").doesNotContain("sk-ant-secret");
    }

    @Test
    void set_without_a_key_is_a_usage_error_that_says_where_the_key_goes_and_sends_nothing() {
        CliRun run = CliRun.of("gateway-key", "set", "--server", governor.url(), "--project", "p-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TOKEN_GOV_UPSTREAM_KEY").contains("--key-stdin");
        assertThat(governor.received()).isEmpty();
    }

    @Test
    void delete_names_the_provider_and_says_when_nothing_is_held() {
        governor.answer("DELETE", "/api/projects/p-1/gateway-key?provider=openai", 200, """
                {"projectId":"p-1","held":{}}""");

        CliRun run = CliRun.of("gateway-key", "delete", "--server", governor.url(), "--api-key", "k", "--project",
                "p-1", "--provider", "openai");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(governor.onlyRequest().method()).isEqualTo("DELETE");
        assertThat(run.out()).contains("holds no upstream key");
    }
}

package io.tokengovernor.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelRequest parse(String body) {
        return ModelRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostile_bodies_are_refused_with_a_reason() {
        assertThatThrownBy(() -> parse("{\"a\":{\"b\":1")).isInstanceOf(ModelRequest.InvalidModelRequest.class)
                .hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"a\":1,\"a\":2}")).hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> parse("{} {}")).hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> parse("[".repeat(10_000))).hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> ModelRequest.parse(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> parse("{\"stream\":\"yes\"}").stream()).hasMessageContaining("stream");
    }

    @Test
    void the_input_estimate_counts_four_characters_a_token_and_a_fixed_amount_per_attachment() {
        ModelRequest request = parse("""
                {"model":"m","max_tokens":128000,"stream":true,"system":"%s",
                 "messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","data":"%s"}},
                   {"type":"text","text":"%s"}]}]}""".formatted("s".repeat(400), "A".repeat(100_000), "t".repeat(400)));
        // 800 characters of text, plus the short strings: "m", "user", "image", "base64", "text"
        long shortStrings = 1 + 4 + 5 + 6 + 4;
        assertThat(request.inputEstimate()).isEqualTo((800 + shortStrings + 3) / 4 + 1_600);
        assertThat(request.stream()).isTrue();
        assertThat(request.maxOutputTokens()).isEqualTo(128_000);
        assertThat(CallReservation.tokens(request.inputEstimate(), request.maxOutputTokens(), 0))
                .as("never the raw max_tokens").isEqualTo(request.inputEstimate() + 4_096);
        assertThat(CallReservation.tokens(10, 100, 5_000)).as("at least the typical step").isEqualTo(5_000);
        assertThat(CallReservation.tokens(10, 100, 0)).isEqualTo(110);
    }

    @Test
    void the_reminder_goes_after_the_last_block_of_the_last_user_turn_and_keeps_cache_breakpoints() throws Exception {
        ModelRequest request = parse("""
                {"messages":[{"role":"user","content":"first"},{"role":"assistant","content":"ok"},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"x",
                   "cache_control":{"type":"ephemeral"}}]}]}""");
        JsonNode changed = JSON.readTree(request.withReminder("write your checkpoint").bytes());
        JsonNode last = changed.path("messages").get(2).path("content");
        assertThat(last).hasSize(2);
        assertThat(last.get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(last.get(1).path("text").asText()).isEqualTo("write your checkpoint");
        assertThat(changed.path("messages").get(0).path("content").asText()).isEqualTo("first");

        JsonNode fromString = JSON.readTree(parse("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .withReminder("r").bytes()).path("messages").get(0).path("content");
        assertThat(fromString.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"text\",\"text\":\"r\"}]");
    }

    @Test
    void usage_is_asked_for_in_openai_streams_and_an_unchanged_request_is_forwarded_byte_for_byte() throws Exception {
        String body = "{ \"model\" : \"gpt\", \"stream\": true }";
        ModelRequest request = parse(body);
        assertThat(request.bytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(request.withUsageInStream().bytes()).path("stream_options").path("include_usage")
                .asBoolean()).isTrue();
        ModelRequest asked = parse("{\"stream_options\":{\"include_usage\":true}}");
        assertThat(asked.withUsageInStream()).isSameAs(asked);
    }

    @Test
    void error_bodies_follow_each_api_s_format() throws Exception {
        JsonNode anthropic = JSON.readTree(ApiErrors.anthropic(429, "TokenGovernor paused"));
        assertThat(anthropic.path("type").asText()).isEqualTo("error");
        assertThat(anthropic.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        JsonNode openai = JSON.readTree(ApiErrors.openAi(429, "TokenGovernor paused"));
        assertThat(openai.path("error").path("code").asText()).isEqualTo("insufficient_quota");
        assertThat(openai.path("error").has("param")).isTrue();
    }
}

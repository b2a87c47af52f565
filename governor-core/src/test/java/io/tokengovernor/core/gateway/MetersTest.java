package io.tokengovernor.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetersTest {

    private static final String ANTHROPIC = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":1200,"output_tokens":1,"cache_creation_input_tokens":300,"cache_read_input_tokens":4000}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"CHECKPOINT: half done"}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":87}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    @Test
    void a_whole_anthropic_stream_settles_at_message_start_and_the_last_message_delta() {
        AnthropicMeter meter = new AnthropicMeter();
        new SseEvents(meter).feed(ANTHROPIC.getBytes(StandardCharsets.UTF_8));
        assertThat(meter.complete()).isTrue();
        assertThat(meter.messageId()).isEqualTo("msg_1");
        assertThat(meter.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(meter.usage()).isEqualTo(new CallUsage(1200, 87, 300, 4000));
        assertThat(meter.text()).isEqualTo("CHECKPOINT: half done");
    }

    @Test
    void a_stream_cut_after_its_text_settles_what_was_reported_and_at_least_what_was_streamed() {
        String cut = ANTHROPIC.substring(0, ANTHROPIC.indexOf("event: message_delta"));
        AnthropicMeter meter = new AnthropicMeter();
        new SseEvents(meter).feed(cut.getBytes(StandardCharsets.UTF_8));
        assertThat(meter.reported()).isTrue();
        assertThat(meter.complete()).isFalse();
        assertThat(meter.usage()).as("21 characters streamed: 6 tokens").isEqualTo(new CallUsage(1200, 6, 300, 4000));
    }

    @Test
    void a_stream_cut_before_message_start_reported_nothing() {
        AnthropicMeter meter = new AnthropicMeter();
        new SseEvents(meter).feed("event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(meter.reported()).isFalse();
        assertThat(meter.usage().total()).isZero();
    }

    @Test
    void a_whole_anthropic_message_is_read_from_its_usage() throws Exception {
        AnthropicMeter meter = new AnthropicMeter();
        meter.acceptMessage(new ObjectMapper().readTree("""
                {"id":"msg_2","type":"message","model":"m","content":[{"type":"text","text":"hi"}],
                 "usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":7}}"""));
        assertThat(meter.usage()).isEqualTo(new CallUsage(10, 5, 0, 7));
        assertThat(meter.messageId()).isEqualTo("msg_2");
    }

    @Test
    void openai_counts_cached_prompt_tokens_as_cache_reads_from_the_final_usage_chunk() {
        String stream = """
                data: {"id":"chatcmpl-1","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hello"}}],"usage":null}

                data: {"id":"chatcmpl-1","model":"gpt-4o","choices":[],"usage":{"prompt_tokens":900,"completion_tokens":12,"total_tokens":912,"prompt_tokens_details":{"cached_tokens":512}}}

                data: [DONE]

                """;
        OpenAiMeter meter = new OpenAiMeter(50);
        new SseEvents(meter).feed(stream.getBytes(StandardCharsets.UTF_8));
        assertThat(meter.complete()).isTrue();
        assertThat(meter.done()).isTrue();
        assertThat(meter.usage()).isEqualTo(new CallUsage(388, 12, 0, 512));
        assertThat(meter.messageId()).isEqualTo("chatcmpl-1");
    }

    @Test
    void an_openai_stream_cut_before_its_usage_settles_the_input_estimate_and_the_streamed_content() {
        OpenAiMeter meter = new OpenAiMeter(50);
        new SseEvents(meter).feed("data: {\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"12345678\"}}]}\n\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(meter.complete()).isFalse();
        assertThat(meter.usage()).isEqualTo(new CallUsage(50, 2, 0, 0));
    }
}

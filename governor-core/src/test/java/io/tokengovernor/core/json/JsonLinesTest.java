package io.tokengovernor.core.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void one_value_on_each_line_that_is_not_blank_is_json_lines() {
        assertThatCode(() -> JsonLines.requireValid(bytes("{\"a\":1}\r\n[1,2]\n\n\"text\"\n  \n7")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_broken_line_is_named() {
        assertThatThrownBy(() -> JsonLines.requireValid(bytes("{\"a\":1}\n{\"a\":{\"b\":1\n")))
                .isInstanceOf(MalformedJson.class)
                .hasMessageStartingWith("line 2, column ")
                .hasMessageContaining("is not JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> JsonLines.requireValid(bytes("1 2")))
                .hasMessage("line 1 holds more than one JSON value");
    }

    @Test
    void a_line_beyond_the_parsers_limits_is_refused_not_failed_on() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThatThrownBy(() -> JsonLines.requireValid(bytes("[".repeat(10_000) + "]".repeat(10_000))))
                    .isInstanceOf(MalformedJson.class).hasMessageContaining("line 1 is not JSON");
            assertThatThrownBy(() -> JsonLines.requireValid(bytes("{\"a\":" + "[".repeat(10_000))))
                    .isInstanceOf(MalformedJson.class);
        });
    }

    @Test
    void a_payload_that_is_not_utf8_is_refused() {
        assertThatThrownBy(() -> JsonLines.requireValid(new byte[] {'"', (byte) 0xff, '"'}))
                .isInstanceOf(MalformedJson.class).hasMessageContaining("not UTF-8");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

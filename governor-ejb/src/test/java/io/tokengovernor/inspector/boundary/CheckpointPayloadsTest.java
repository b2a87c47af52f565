package io.tokengovernor.inspector.boundary;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokengovernor.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointPayloadsTest {

    @Test
    void without_a_key_the_feature_refuses_clearly_before_touching_anything() {
        CheckpointPayloads payloads = new CheckpointPayloads();
        payloads.key = Optional.empty();

        assertThatThrownBy(() -> payloads.store("t", "c", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PayloadStorageOffException.class)
                .hasMessageContaining("TOKEN_GOV_CHECKPOINT_KEY");
        assertThatThrownBy(() -> payloads.read("t", "c")).isInstanceOf(PayloadStorageOffException.class);
    }

    @Test
    void a_payload_must_be_json_lines_in_utf8() {
        assertThatCode(() -> CheckpointPayloads.validateJsonLines(
                "{\"a\":1}\n[1,2]\n\n\"text\"\n".getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CheckpointPayloads.validateJsonLines(
                "{\"a\":1}\n{broken\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CheckpointPayloads.validateJsonLines(new byte[] {(byte) 0xff, (byte) 0xfe}))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("UTF-8");        assertThatThrownBy(() -> CheckpointPayloads.validateJsonLines(
                ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("line 1");
    }
}

package io.tokengovernor.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PayloadCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final PayloadCipher cipher = PayloadCipher.fromBase64(KEY);
    private final byte[] jsonl = "{\"step\":1}\n{\"step\":2}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_payload_comes_back_as_it_went_in_and_is_not_stored_in_clear() {
        byte[] sealed = cipher.encrypt(jsonl, "cp-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("step");
        assertThat(cipher.decrypt(sealed, "cp-1")).isEqualTo(jsonl);
    }

    @Test
    void each_encryption_uses_a_fresh_nonce() {
        assertThat(cipher.encrypt(jsonl, "cp-1")).isNotEqualTo(cipher.encrypt(jsonl, "cp-1"));
    }

    @Test
    void altered_data_another_checkpoint_or_another_key_is_refused() {
        byte[] sealed = cipher.encrypt(jsonl, "cp-1");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> cipher.decrypt(altered, "cp-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "cp-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadCipher.fromBase64(Base64.getEncoder().encodeToString(otherKey))
                .decrypt(sealed, "cp-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_of_the_wrong_size_is_refused() {
        assertThatThrownBy(() -> PayloadCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PayloadCipher.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}

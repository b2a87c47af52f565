package io.tokengovernor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void a_receiver_accepts_only_the_right_secret_and_an_untouched_body() {
        String signature = WebhookSignature.sign("s3cret", "{\"event\":\"paused\"}");

        assertThat(WebhookSignature.verify("s3cret", "{\"event\":\"paused\"}", signature)).isTrue();
        assertThat(WebhookSignature.verify("other", "{\"event\":\"paused\"}", signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "{\"event\":\"resumed\"}", signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "{}", null)).isFalse();
    }
}

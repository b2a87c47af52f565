package io.tokengovernor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;

/** The test server's adjustable clock, moved through {@code POST /api/clock} with the admin key. */
final class ServerClock {

    private ServerClock() {
    }

    /** Makes sure the server runs with an adjustable clock (restarting it once if needed). */
    static void ensureAdjustable() throws IOException, InterruptedException {
        TestServerSettings.ensureApplied();
        assertThat(GovernorApi.get("/api/clock").json().get("adjustable").asBoolean())
                .as("the test server's clock is adjustable").isTrue();
    }

    static Instant now() {
        return Instant.parse(GovernorApi.get("/api/clock").json().get("now").asText());
    }

    /** Moves the clock to {@code target}, doing on the way what timers would have done; the move's tally. */
    static JsonNode moveTo(Instant target, boolean freeze) {
        GovernorApi.Answer answer = GovernorApi.post("/api/clock",
                "{\"to\":\"%s\",\"freeze\":%s}".formatted(target, freeze));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Lets a frozen clock run on from where it stands. */
    static void release() {
        GovernorApi.Answer answer = GovernorApi.post("/api/clock", "{\"advanceSeconds\":0,\"freeze\":false}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}

package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTimestampTest {

    @ParameterizedTest
    @CsvSource({
        "2026-03-28T10:00:00.123Z, 2026-03-28T10:00:00.123Z",
        "2026-03-28T10:00:00Z, 2026-03-28T10:00:00Z",
        "2026-03-28T12:00:00.500+02:00, 2026-03-28T10:00:00.500Z",
        "2026-03-27T23:30:00-05:30, 2026-03-28T05:00:00Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z"
    })
    void readsClaudeCodeTimestampsWithAnyOffset(String text, String instant) {
        assertThat(LogTimestamp.parse(text)).isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-28T10:00:00.12Z", "2026-03-28T10:00:00.1234Z", "2026-03-28T10:00:00",
        "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-28T24:00:00Z",
        "2026-03-28 10:00:00Z", "2026-03-28T10:00:00+0200", "2026-03-28T10:00:00.000z", ""})
    void rejectsEverythingElse(String text) {
        assertThat(LogTimestamp.parse(text)).isEqualTo(LogTimestamp.INVALID);
    }
}

package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLineParserTest {

    private static final String USAGE = "\"input_tokens\":10,\"output_tokens\":20,\"cache_creation_input_tokens\":30,\"cache_read_input_tokens\":40";

    static String line(String usage, String extra) {
        return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"version\":\"2.0.1\",\"requestId\":\"r1\",\"timestamp\":\"2026-03-28T10:00:00.000Z\","
                + "\"message\":{\"id\":\"m1\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"usage\":{" + usage + "}}" + extra + "}";
    }

    static LogLine parse(LogLineParser parser, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsTheUsageOfAnAssistantLine() {
        LogLine line = parse(LogLineParser.forEntries(), line(USAGE, ",\"costUSD\":0.5,\"isSidechain\":true"));

        assertThat(line.inputTokens()).isEqualTo(10);
        assertThat(line.outputTokens()).isEqualTo(20);
        assertThat(line.cacheCreationTokens()).isEqualTo(30);
        assertThat(line.cacheReadTokens()).isEqualTo(40);
        assertThat(line.costUsd()).isEqualTo(0.5);
        assertThat(line.sidechain()).isTrue();
        assertThat(line.messageId()).isEqualTo("m1");
        assertThat(line.requestId()).isEqualTo("r1");
        assertThat(line.model()).isEqualTo("claude-sonnet-4-20250514");
    }

    @Test
    void theCacheCreationSplitReplacesTheFlatCount() {
        LogLine line = parse(LogLineParser.forEntries(), line(USAGE
                + ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":5,\"ephemeral_1h_input_tokens\":7}", ""));

        assertThat(line.cacheCreationTokens()).isEqualTo(12);
        assertThat(line.cacheWrite5m()).isEqualTo(5);
        assertThat(line.cacheWrite1h()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"input_tokens\":100.0,\"output_tokens\":1",
        "\"input_tokens\":\"100\",\"output_tokens\":1",
        "\"input_tokens\":-5,\"output_tokens\":1",
        "\"input_tokens\":1e2,\"output_tokens\":1",
        "\"output_tokens\":1",
        "\"input_tokens\":1,\"output_tokens\":1,\"speed\":\"turbo\"",
        "\"input_tokens\":1,\"output_tokens\":1,\"speed\":null",
        "\"input_tokens\":1,\"output_tokens\":1,\"cache_read_input_tokens\":null",
        "\"input_tokens\":1,\"input_tokens\":2,\"output_tokens\":1"
    })
    void dropsALineWhoseTokenCountsAreNotNonNegativeIntegers(String usage) {
        assertThat(parse(LogLineParser.forEntries(), line(usage, ""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"costUSD\":null", ",\"costUSD\":\"0.5\"", ",\"isSidechain\":\"yes\"", " x", ",\"cwd\":null"})
    void dropsNullsOfListedKeysWrongTypesAndTrailingText(String extra) {
        assertThat(parse(LogLineParser.forEntries(), line(USAGE, extra))).isNull();
    }

    @Test
    void keepsALineWhoseOtherFieldsAreNull() {
        assertThat(parse(LogLineParser.forEntries(), line(USAGE, ",\"parentUuid\":null,\"isSidechain\":null"))).isNotNull();
    }

    @Test
    void dropsForeignVersionsAndEmptyIds() {
        LogLineParser parser = LogLineParser.forEntries();
        assertThat(parse(parser, line(USAGE, "").replace("\"2.0.1\"", "\"abc\""))).isNull();
        assertThat(parse(parser, line(USAGE, "").replace("\"2.0.1\"", "\"2.1.0-beta\""))).isNotNull();
        assertThat(parse(parser, line(USAGE, "").replace("\"r1\"", "\"\""))).isNull();
        assertThat(parse(parser, line(USAGE, "").replace("\"s1\"", "\"\""))).isNull();
    }

    @Test
    void onlyTheDailyParserCountsAgentProgressLines() {
        String progress = "{\"type\":\"progress\",\"data\":{\"message\":{\"timestamp\":\"2026-03-28T10:00:00Z\",\"requestId\":\"r2\","
                + "\"message\":{\"id\":\"m2\",\"model\":\"claude-haiku-4-5\",\"usage\":{" + USAGE + "}}}}}";

        assertThat(parse(LogLineParser.forEntries(), progress)).isNull();
        assertThat(parse(LogLineParser.forDaily(), progress).messageId()).isEqualTo("m2");
    }

    @Test
    void keepsTheSessionIdOfALineAndOfAProgressLineItsTopLevelOne() {
        String progress = "{\"type\":\"progress\",\"sessionId\":\"outer\",\"data\":{\"message\":{\"timestamp\":\"2026-03-28T10:00:00Z\","
                + "\"sessionId\":\"inner\",\"message\":{\"id\":\"m2\",\"usage\":{" + USAGE + "}}}}}";

        assertThat(parse(LogLineParser.forEntries(), line(USAGE, "")).sessionId()).isEqualTo("s1");
        assertThat(parse(LogLineParser.forEntries(), line(USAGE, "").replace("\"sessionId\":\"s1\",", "")).sessionId()).isNull();
        assertThat(parse(LogLineParser.forDaily(), progress).sessionId()).isEqualTo("outer");
        assertThat(parse(LogLineParser.forDaily(), progress.replace("\"outer\"", "\"\""))).as("empty").isNull();
        assertThat(parse(LogLineParser.forDaily(), progress.replace("\"outer\"", "5"))).as("not a text").isNull();
    }

    @Test
    void aRepeatedKeyAnywhereDropsALineThatContainsTheTextNull() {
        String repeated = line(USAGE, ",\"note\":{\"k\":1,\"k\":2}");
        for (LogLineParser parser : new LogLineParser[]{LogLineParser.forEntries(), LogLineParser.forDaily()}) {
            assertThat(parse(parser, repeated)).as("no null: only known fields must not repeat").isNotNull();
            assertThat(parse(parser, repeated.replace("\"hi\"", "\"annulled\""))).as("null in a text").isNull();
            assertThat(parse(parser, repeated.replace("\"hi\"", "\"hi\",\"stop_reason\":null"))).isNull();
        }
    }

    @Test
    void aUsageMarkerWithASpaceIsNotAUsageLine() {
        assertThat(parse(LogLineParser.forEntries(), line(USAGE, "").replace("\"usage\":{", "\"usage\": {"))).isNull();
    }

    @Test
    void advisorIterationsNameTheirModelAndOneMalformedIterationDiscardsThemAll() {
        String advisor = "{\"type\":\"advisor_message\",\"model\":\"claude-opus-4-6\",\"input_tokens\":30,\"output_tokens\":3}";
        LogLine line = parse(LogLineParser.forEntries(), line(USAGE + ",\"iterations\":[{\"type\":\"message\",\"input_tokens\":1,"
                + "\"output_tokens\":1}," + advisor + "]", ""));
        LogLine malformed = parse(LogLineParser.forEntries(), line(USAGE + ",\"iterations\":[{\"type\":\"message\"}," + advisor + "]", ""));

        assertThat(line.advisors()).extracting(AdvisorUsage::model, AdvisorUsage::inputTokens).containsExactly(tuple("claude-opus-4-6", 30L));
        assertThat(line.advisorLine(0).messageId()).isNotEqualTo(line.messageId()).startsWith(line.messageId());
        assertThat(malformed.advisors()).isEmpty();
        assertThat(malformed.inputTokens()).as("the message itself still counts").isEqualTo(10);
    }

    @Test
    void readsTheResetTimeOfAUsageLimitNotice() {
        LogLine line = parse(LogLineParser.forEntries(), line(USAGE,
                ",\"isApiErrorMessage\":true,\"text\":\"Claude AI usage limit reached|1774728000\""));

        assertThat(line.usageLimitReset()).isEqualTo(1_774_728_000_000L);
    }
}

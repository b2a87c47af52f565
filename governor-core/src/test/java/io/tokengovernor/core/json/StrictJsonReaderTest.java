package io.tokengovernor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonReaderTest {

    /** Shaped like the web module's request classes: public fields, boxed values, an enum, a list, an instant. */
    public static class Registration {
        public String name;
        public Integer tier;
        public Long budget;
        public Double share;
        public Window window;
        public Instant at;
        public boolean force;
        public List<Event> events;
    }

    public static class Event {
        public String id;
        public Long inputTokens;
    }

    public enum Window { NONE, DAILY }

    private static final String VALID = """
            {"name":"checkout","tier":1,"budget":500000,"share":0.85,"window":"DAILY",\
            "at":"2026-11-29T10:00:00Z","force":true,"events":[{"id":"e1","inputTokens":12}],\
            "later":{"nested":[1,"two",{"three":null}],"more":{}}}""";

    @Test
    void reads_a_valid_body_into_its_type_and_skips_members_it_does_not_know() {
        Registration read = (Registration) StrictJsonReader.read(bytes(VALID), Registration.class);

        assertThat(read.name).isEqualTo("checkout");
        assertThat(read.tier).isEqualTo(1);
        assertThat(read.budget).isEqualTo(500_000L);
        assertThat(read.share).isEqualTo(0.85);
        assertThat(read.window).isEqualTo(Window.DAILY);
        assertThat(read.at).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(read.force).isTrue();
        assertThat(read.events).singleElement().satisfies(event -> assertThat(event.inputTokens).isEqualTo(12L));
    }

    @Test
    void the_literal_null_is_read_as_no_body() {
        assertThat(StrictJsonReader.read(bytes(" null "), Registration.class)).isNull();
    }

    @Test
    void every_truncation_of_a_valid_body_is_refused_at_once() {
        byte[] valid = bytes(VALID);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int length = 0; length < valid.length; length++) {
                byte[] prefix = java.util.Arrays.copyOf(valid, length);
                assertThatThrownBy(() -> StrictJsonReader.read(prefix, Registration.class))
                        .as("the first %d bytes", length)
                        .isInstanceOf(MalformedJson.class);
            }
        });
    }

    @Test
    void the_truncated_unknown_object_that_hung_the_server_is_refused() {
        assertThatThrownBy(() -> StrictJsonReader.read(bytes("{\"a\":{\"b\":1"), Registration.class))
                .isInstanceOf(MalformedJson.class)
                .hasMessageContaining("end-of-input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a repeated member              | {\"name\":\"a\",\"name\":\"b\"}",
        "a repeated unknown member      | {\"x\":{\"y\":1,\"y\":2}}",
        "NaN                            | {\"share\":NaN}",
        "Infinity                       | {\"share\":-Infinity}",
        "a leading plus                 | {\"budget\":+1}",
        "a leading zero                 | {\"budget\":01}",
        "a trailing comma               | {\"budget\":1,}",
        "an unquoted member name        | {budget:1}",
        "a comment                      | {\"budget\":1/*x*/}",
        "content after the document     | {\"budget\":1} {}",
        "an unterminated string         | {\"name\":\"abc}",
        "a raw control character        | {\"name\":\"a\tb\"}",
        "an invalid escape              | {\"name\":\"a\\qb\"}",
        "nothing but blanks             | '  '",
    })
    void a_body_that_is_not_exactly_one_strict_json_document_is_refused(String why, String body) {
        assertThatThrownBy(() -> StrictJsonReader.read(bytes(body), Registration.class))
                .isInstanceOf(MalformedJson.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a lone continuation byte        | 80",
        "a byte that never occurs        | FF",
        "an overlong slash               | C0AF",
        "an encoded surrogate            | EDA080",
        "a sequence cut short at the end | E282",
    })
    void a_body_that_is_not_utf8_is_refused(String why, String hex) {
        byte[] invalid = java.util.HexFormat.of().parseHex(hex);
        byte[] body = concat(bytes("{\"name\":\"a"), invalid, hex.equals("E282") ? new byte[0] : bytes("\"}"));

        assertThatThrownBy(() -> StrictJsonReader.read(body, Registration.class))
                .isInstanceOf(MalformedJson.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void nesting_ten_thousand_levels_deep_is_refused_quickly() {
        String deep = "{\"later\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(
                () -> StrictJsonReader.read(bytes(deep), Registration.class))
                .isInstanceOf(MalformedJson.class)
                .hasMessageContaining("nesting at most " + StrictJsonReader.MAX_DEPTH));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text for a whole number         | {\"budget\":\"5\"}                    | budget",
        "a fraction for a whole number   | {\"budget\":1.5}                      | budget",
        "an exponent for a whole number  | {\"budget\":1e3}                      | budget",
        "true for a whole number         | {\"budget\":true}                     | budget",
        "an object for a whole number    | {\"budget\":{}}                       | budget",
        "a list for a whole number       | {\"budget\":[1]}                      | budget",
        "a number for text               | {\"name\":5}                          | name",
        "true for text                   | {\"name\":true}                       | name",
        "a number for a flag             | {\"force\":1}                         | force",
        "text for a flag                 | {\"force\":\"true\"}                  | force",
        "null for a flag                 | {\"force\":null}                      | force",
        "a number for a constant         | {\"window\":0}                        | window",
        "an unknown constant             | {\"window\":\"HOURLY\"}               | window",
        "an empty constant               | {\"window\":\"\"}                     | window",
        "a number for an instant         | {\"at\":1764410400}                   | at",
        "text that is no instant         | {\"at\":\"yesterday\"}                | at",
        "text for a number               | {\"share\":\"0.5\"}                   | share",
        "an object for a list            | {\"events\":{}}                       | events",
        "text for an object in a list    | {\"events\":[\"e\"]}                  | events[0]",
        "text for a number in a list     | {\"events\":[{},{\"inputTokens\":\"9\"}]} | events[1].inputTokens",
        "a list for the whole body       | [1,2,3]                               | ''",
    })
    void a_value_of_the_wrong_type_is_refused_and_its_field_named(String why, String body, String field) {
        assertThatThrownBy(() -> StrictJsonReader.read(bytes(body), Registration.class))
                .isInstanceOfSatisfying(MalformedJson.class, refused -> assertThat(refused.field().orElse(""))
                        .isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a whole number beyond a long             | {\"budget\":18446744073709551621}",
        "a whole number beyond an int             | {\"tier\":4294967297}",
        "a huge exponent for a whole number       | {\"budget\":1e999999999}",
        "a number beyond a double                 | {\"share\":1e400}",
        "a huge exponent for a number             | {\"share\":-1e999999999}",
        "more digits than any field needs         | {\"later\":1234567890123456789012345678901234567890"
                + "1234567890123456789012345}",
    })
    void a_number_out_of_range_is_refused_never_wrapped(String why, String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(
                () -> StrictJsonReader.read(bytes(body), Registration.class))
                .isInstanceOf(MalformedJson.class));
    }

    @Test
    void an_integer_is_a_number_and_an_instant_may_carry_an_offset() {
        Registration read = (Registration) StrictJsonReader.read(
                bytes("{\"share\":1,\"at\":\"2026-11-29T11:00:00+01:00\"}"), Registration.class);

        assertThat(read.share).isEqualTo(1.0);
        assertThat(read.at).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void the_reason_shows_what_was_expected_and_what_came() {
        assertThatThrownBy(() -> StrictJsonReader.read(bytes("{\"window\":\"HOURLY\"}"), Registration.class))
                .hasMessage("window: expected one of NONE, DAILY, found \"HOURLY\"");
        assertThatThrownBy(() -> StrictJsonReader.read(bytes("{\"budget\":18446744073709551621}"),
                Registration.class))
                .hasMessage("budget: expected a whole number within its range, found 18446744073709551621");
        assertThatThrownBy(() -> StrictJsonReader.read(bytes("{\"budget\":1.5}"), Registration.class))
                .hasMessage("budget: expected a whole number, found 1.5");
        assertThatThrownBy(() -> StrictJsonReader.read(bytes("{\"share\":1e400}"), Registration.class))
                .hasMessage("share: expected a number within its range, found 1e400");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

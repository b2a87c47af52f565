package io.tokengovernor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void indentsLikeSerdeJsonAndWritesEmptyContainersInline() {
        Map<String, Object> document = new TreeMap<>();
        document.put("b", List.of());
        document.put("a", List.of(1L, "x"));
        document.put("c", Map.of());
        document.put("d", null);

        assertThat(PrettyJson.write(document)).isEqualTo("{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": [],\n  \"c\": {},\n  \"d\": null\n}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersButNotUnicode() {
        assertThat(PrettyJson.write("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    @Test
    void aWholeNumberIsAnIntegerOnlyWhereCcusageMakesItOne() {
        assertThat(PrettyJson.write(List.of(2.0, new PrettyJson.WholeNumber(2.0), new PrettyJson.WholeNumber(2.5))))
                .isEqualTo("[\n  2.0,\n  2,\n  2.5\n]");
    }
}

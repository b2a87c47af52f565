package io.tokengovernor.core.claudelog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Set;

/**
 * ccusage drops a line in which any of a few keys has the value JSON {@code null}, wherever it
 * stands in the line (also inside message content, and also written {@code "key": null}). The parser
 * meets every null anyway, since unknown fields are walked rather than skipped unseen, so the check
 * costs no second pass over the line.
 */
final class NullFields {

    private static final Set<String> KEYS = Set.of("id", "cwd", "model", "speed", "costUSD", "version",
            "sessionId", "requestId", "isApiErrorMessage", "cache_read_input_tokens", "cache_creation_input_tokens");

    private NullFields() {
    }

    static boolean isListed(String key) {
        return KEYS.contains(key);
    }

    /** Records a drop when the null the parser stands on is the value of a listed key. */
    static void note(JsonParser parser, LineFields fields) throws IOException {
        String key = parser.currentName();
        if (key != null && KEYS.contains(key)) {
            fields.nullDrop = true;
        }
    }

    /** Skips the value the parser stands on, noting every null inside it. */
    static void skip(JsonParser parser, LineFields fields) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            note(parser, fields);
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null) {
                throw new IOException("line ends inside a value");
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_NULL -> note(parser, fields);
                default -> {
                }
            }
        }
    }

}

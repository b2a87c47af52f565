package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Words for what a hand-validated JSON document holds where something else was expected. */
public final class JsonTokens {

    private JsonTokens() {
    }

    /**
     * The value at the parser's current token as an error message shows it: {@code "text"} quoted, numbers and
     * literals as written, {@code an object} or {@code a list} (skipping over it, so parsing can go on).
     */
    public static String shown(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return token == JsonToken.START_OBJECT ? "an object" : "a list";
        }
        return token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText();
    }
}

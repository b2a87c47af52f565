package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Words for what a hand-validated JSON document holds where something else was expected. */
public final class JsonTokens {

    /** Enough to recognise a value; a refusal never echoes a whole body back. */
    private static final int SHOWN_CHARACTERS = 60;

    private JsonTokens() {
    }

    /**
     * The value at the parser's current token as an error message shows it: {@code "text"} quoted, numbers and
     * literals as written (cut after 60 characters), {@code an object} or {@code a list} (skipping over it, so
     * parsing can go on).
     */
    public static String shown(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return token == JsonToken.START_OBJECT ? "an object" : "a list";
        }
        String text = parser.getText();
        String shown = text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "…";
        return token == JsonToken.VALUE_STRING ? "\"" + shown + "\"" : shown;
    }

    /**
     * Why a hand-validated document is not JSON, as {@code "not valid JSON at line 1, column 12: …"}; a document
     * refused for going beyond the parser's limits (nesting, number length) has no position.
     */
    public static String notJson(JsonProcessingException failure) {
        JsonLocation location = failure.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "not valid JSON" + where + ": " + failure.getOriginalMessage();
    }
}

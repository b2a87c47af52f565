package io.tokengovernor.core.claudelog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The known fields of a usage entry and their types; one bit each to catch repeats. */
final class EntryField {

    static final int TIMESTAMP = 1;
    static final int MESSAGE = 1 << 1;
    private static final int SESSION_ID = 1 << 2;
    private static final int VERSION = 1 << 3;
    private static final int COST_USD = 1 << 4;
    private static final int REQUEST_ID = 1 << 5;
    private static final int API_ERROR = 1 << 6;
    private static final int SIDECHAIN = 1 << 7;

    private EntryField() {
    }

    static int bit(String name, boolean topLevel, boolean errorFlag) {
        return switch (name) {
            case "timestamp" -> TIMESTAMP;
            case "message" -> MESSAGE;
            case "costUSD" -> COST_USD;
            case "requestId" -> REQUEST_ID;
            case "isSidechain" -> SIDECHAIN;
            case "sessionId" -> topLevel ? SESSION_ID : 0;
            case "version" -> topLevel ? VERSION : 0;
            case "isApiErrorMessage" -> topLevel && errorFlag ? API_ERROR : 0;
            default -> 0;
        };
    }

    static boolean read(String name, JsonToken value, JsonParser parser, LineFields fields) throws IOException {
        switch (name) {
            case "timestamp" -> {
                if (value != JsonToken.VALUE_STRING) {
                    return false;
                }
                fields.timestamp = LogTimestamp.parse(chars(parser));
            }
            case "message" -> {
                return value == JsonToken.START_OBJECT && MessageFields.read(parser, fields);
            }
            case "costUSD" -> {
                if (value == JsonToken.VALUE_NULL) {
                    NullFields.note(parser, fields);
                    return true;
                }
                if (!value.isNumeric()) {
                    return false;
                }
                fields.costUsd = parser.getDoubleValue();
            }
            case "isSidechain" -> {
                if (value == JsonToken.VALUE_NULL) {
                    NullFields.note(parser, fields);
                } else if (!value.isBoolean()) {
                    return false;
                }
                fields.sidechain = value == JsonToken.VALUE_TRUE;
            }
            case "isApiErrorMessage" -> {
                if (value == JsonToken.VALUE_NULL) {
                    NullFields.note(parser, fields);
                } else if (!value.isBoolean()) {
                    return false;
                }
                fields.apiError = value == JsonToken.VALUE_TRUE;
            }
            case "requestId" -> {
                String text = optionalText(value, parser, fields);
                if (text == INVALID) {
                    return false;
                }
                fields.requestId = text;
            }
            default -> {
                // sessionId or version: the version is checked in place, no string is made
                if (value == JsonToken.VALUE_NULL) {
                    NullFields.note(parser, fields);
                    return true;
                }
                if (value != JsonToken.VALUE_STRING) {
                    return false;
                }
                if (name.equals("sessionId")) {
                    fields.sessionId = parser.getText();
                } else {
                    fields.foreignVersion = !LineFields.isVersion(chars(parser));
                }
            }
        }
        return true;
    }

    /** Returned by {@link #optionalText} for a value of the wrong type; compared by identity. */
    static final String INVALID = new String("invalid");

    private static CharSequence chars(JsonParser parser) throws IOException {
        return java.nio.CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /** A string, {@code null} for JSON null, or {@link #INVALID} for any other type. */
    static String optionalText(JsonToken value, JsonParser parser, LineFields fields) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            NullFields.note(parser, fields);
            return null;
        }
        return value == JsonToken.VALUE_STRING ? parser.getText() : INVALID;
    }

    /**
     * A non-negative integer that fits the counter, or -1. Floats ({@code 100.0}, {@code 1e2}),
     * strings and negatives are not token counts.
     */
    static long tokenCount(JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return -1;
        }
        long count = parser.getLongValue();
        return count >= 0 ? count : -1;
    }
}

package io.tokengovernor.core.claudelog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** {@code message}: its {@code usage} (required), {@code model} and {@code id}. */
final class MessageFields {

    private MessageFields() {
    }

    static boolean read(JsonParser parser, LineFields fields) throws IOException {
        boolean usage = false;
        boolean model = false;
        boolean id = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "usage" -> {
                    if (usage || value != JsonToken.START_OBJECT || !readUsage(parser, fields)) {
                        return false;
                    }
                    usage = true;
                }
                case "model", "id" -> {
                    boolean isModel = name.equals("model");
                    if (isModel ? model : id) {
                        return false;
                    }
                    String text = EntryField.optionalText(value, parser, fields);
                    if (text == EntryField.INVALID) {
                        return false;
                    }
                    if (isModel) {
                        fields.model = text;
                        model = true;
                    } else {
                        fields.messageId = text;
                        id = true;
                    }
                }
                default -> NullFields.skip(parser, fields);
            }
        }
        return usage;
    }

    private static boolean readUsage(JsonParser parser, LineFields fields) throws IOException {
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit = usageField(name);
            if (bit == 0) {
                NullFields.skip(parser, fields);
                continue;
            }
            if ((seen & bit) != 0 || !readUsageField(bit, value, parser, fields)) {
                return false;
            }
            seen |= bit;
        }
        return (seen & 3) == 3;
    }

    /** The bit of a field of a usage object (1 input, 2 output: both required), 0 for an unknown one. */
    static int usageField(String name) {
        return switch (name) {
            case "input_tokens" -> 1;
            case "output_tokens" -> 2;
            case "cache_creation_input_tokens" -> 4;
            case "cache_read_input_tokens" -> 8;
            case "speed" -> 16;
            case "cache_creation" -> 32;
            default -> 0;
        };
    }

    static boolean readUsageField(int bit, JsonToken value, JsonParser parser, LineFields fields) throws IOException {
        if (bit == 16) {
            return readSpeed(value, parser, fields);
        }
        if (bit == 32) {
            if (value == JsonToken.VALUE_NULL) {
                NullFields.note(parser, fields);
                return true;
            }
            return value == JsonToken.START_OBJECT && readCacheSplit(parser, fields);
        }
        long count = EntryField.tokenCount(value, parser);
        if (count < 0) {
            return false;
        }
        switch (bit) {
            case 1 -> fields.inputTokens = count;
            case 2 -> fields.outputTokens = count;
            case 4 -> fields.cacheCreationFlat = count;
            default -> fields.cacheReadTokens = count;
        }
        return true;
    }

    private static boolean readSpeed(JsonToken value, JsonParser parser, LineFields fields) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            NullFields.note(parser, fields);
            return true;
        }
        if (value != JsonToken.VALUE_STRING) {
            return false;
        }
        switch (parser.getText()) {
            case "fast" -> fields.speed = LogLine.Speed.FAST;
            case "standard" -> fields.speed = LogLine.Speed.STANDARD;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean readCacheSplit(JsonParser parser, LineFields fields) throws IOException {
        fields.cacheCreationSplit = true;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit = "ephemeral_5m_input_tokens".equals(name) ? 1 : "ephemeral_1h_input_tokens".equals(name) ? 2 : 0;
            if (bit == 0) {
                NullFields.skip(parser, fields);
                continue;
            }
            long count = EntryField.tokenCount(value, parser);
            if ((seen & bit) != 0 || count < 0) {
                return false;
            }
            seen |= bit;
            if (bit == 1) {
                fields.cacheCreation5m = count;
            } else {
                fields.cacheCreation1h = count;
            }
        }
        return true;
    }
}

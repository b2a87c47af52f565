package io.tokengovernor.core.claudelog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the advisor iterations of an accepted line, as ccusage 20.0.24 does: all or nothing (one
 * malformed iteration, e.g. without token counts, discards them all but never the line itself), and
 * only iterations of type {@code advisor_message} that name a model count.
 */
final class AdvisorIterations {

    private static final JsonFactory JSON = new JsonFactory();
    private static final UsageMarker ADVISOR = new UsageMarker("\"advisor_message\"");

    private AdvisorIterations() {
    }

    static List<AdvisorUsage> read(byte[] bytes, int offset, int length) {
        if (ADVISOR.find(bytes, offset, offset + length) < 0) {
            return List.of();
        }
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !into(parser, "message") || !into(parser, "usage")
                    || !into(parser, "iterations") || parser.currentToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            List<AdvisorUsage> advisors = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                AdvisorUsage advisor = iteration(parser);
                if (advisor == INVALID) {
                    return List.of();
                }
                if (advisor != null) {
                    advisors.add(advisor);
                }
            }
            return parser.currentToken() == JsonToken.END_ARRAY ? advisors : List.of();
        } catch (IOException | RuntimeException malformed) {
            return List.of();
        }
    }

    private static final AdvisorUsage INVALID = new AdvisorUsage("", 0, 0, 0, 0, false, 0, 0, LogLine.Speed.NONE);

    /** Moves into the value of member {@code name} of the object the parser is in; false if there is none. */
    private static boolean into(JsonParser parser, String name) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            JsonToken value = parser.nextToken();
            if (member.equals(name)) {
                return name.equals("iterations") || value == JsonToken.START_OBJECT;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** One iteration: the advisor it names, {@code null} when it is not an advisor's, {@link #INVALID} when malformed. */
    private static AdvisorUsage iteration(JsonParser parser) throws IOException {
        String type = null;
        String model = null;
        LineFields usage = new LineFields();
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("type") || name.equals("model")) {
                String text = EntryField.optionalText(value, parser, usage);
                if (text == EntryField.INVALID) {
                    return INVALID;
                }
                if (name.equals("type")) {
                    type = text;
                } else {
                    model = text;
                }
                continue;
            }
            int bit = MessageFields.usageField(name);
            if (bit == 0) {
                parser.skipChildren();
                continue;
            }
            if ((seen & bit) != 0 || !MessageFields.readUsageField(bit, value, parser, usage)) {
                return INVALID;
            }
            seen |= bit;
        }
        if ((seen & 3) != 3) {
            return INVALID;
        }
        if (!"advisor_message".equals(type) || model == null) {
            return null;
        }
        return new AdvisorUsage(model, usage.inputTokens, usage.outputTokens, usage.cacheCreationFlat, usage.cacheReadTokens,
                usage.cacheCreationSplit, usage.cacheCreation5m, usage.cacheCreation1h, usage.speed);
    }
}

package io.tokengovernor.core.claudelog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one log line into a {@link LogLine}, or {@code null} when ccusage would not count it.
 * The acceptance rules are ccusage's strict typed reading: a known field of the wrong type (a
 * string or a float where a token count belongs, a negative count, an unknown {@code speed}) drops
 * the whole line, unknown fields are skipped (but may not repeat in a line that contains {@code null}),
 * and the line must be exactly one JSON object. Reports get their parser from
 * {@code core.usage.Reading}, which says which of the two flavours below a report reads with.
 * Not thread-safe only in the sense that each call creates its own parser; instances are shareable.
 */
public final class LogLineParser {

    /** ccusage (serde_json) rejects a line nested deeper than this, counting the line's own object. */
    static final int MAX_NESTING = 127;

    // tool results can be many megabytes inside one line; the defaults would reject them
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(MAX_NESTING).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /**
     * ccusage drops a line that repeats a key in any object when the line contains the text {@code null}
     * anywhere (its null check reads such lines strictly); for other lines only known fields must not repeat.
     */
    private static final JsonFactory STRICT_JSON = JsonFactory.builder().streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final byte[] NULL_TEXT = {'n', 'u', 'l', 'l'};

    private final boolean agentProgress;
    private final boolean errorFlag;
    // a log names a handful of models and sessions hundreds of thousands of times; keep one string per name
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    private LogLineParser(boolean agentProgress, boolean errorFlag) {
        this.agentProgress = agentProgress;
        this.errorFlag = errorFlag;
    }

    /** ccusage's entry loader: only top-level assistant usage, {@code isApiErrorMessage} read. */
    public static LogLineParser forEntries() {
        return new LogLineParser(false, true);
    }

    /** ccusage's daily loader: also the usage of sub-agent "progress" lines under {@code data.message}. */
    public static LogLineParser forDaily() {
        return new LogLineParser(true, false);
    }

    public LogLine parse(byte[] bytes, int offset, int length) {
        if (UsageMarker.indexOf(bytes, offset, offset + length) < 0) {
            return null;
        }
        return parseUsageLine(bytes, offset, length);
    }

    /** {@link #parse} for a line already known to contain the usage marker. */
    LogLine parseUsageLine(byte[] bytes, int offset, int length) {
        LineFields fields = QuickLineReader.read(bytes, offset, length, errorFlag);
        boolean progress = false;
        if (fields == null) {
            JsonFactory json = factoryFor(bytes, offset, length);
            fields = read(json, bytes, offset, length, false);
            if (fields == null && agentProgress) {
                fields = read(json, bytes, offset, length, true);
                progress = true;
            }
        }
        if (fields == null) {
            return null;
        }
        long timestamp = fields.timestamp;
        if (timestamp == LogTimestamp.INVALID || !fields.isValid()) {
            return null;
        }
        long reset = fields.apiError ? UsageLimitNotice.resetTime(bytes, offset, offset + length) : 0;
        if (fields.model != null) {
            fields.model = names.computeIfAbsent(fields.model, name -> name);
        }
        if (fields.sessionId != null) {
            fields.sessionId = names.computeIfAbsent(fields.sessionId, name -> name);
        }
        // advisors of sub-agent progress lines are not counted by ccusage
        return fields.toLine(timestamp, reset, progress ? List.of() : AdvisorIterations.read(bytes, offset, length));
    }

    /** The general (Jackson) reading alone, which the quick reader must agree with; for tests. */
    LineFields readGenerally(byte[] bytes, int offset, int length) {
        return read(factoryFor(bytes, offset, length), bytes, offset, length, false);
    }

    private static JsonFactory factoryFor(byte[] bytes, int offset, int length) {
        return ByteScan.contains(bytes, offset, offset + length, NULL_TEXT) ? STRICT_JSON : JSON;
    }

    private LineFields read(JsonFactory json, byte[] bytes, int offset, int length, boolean progress) {
        LineFields fields = new LineFields();
        try (JsonParser parser = json.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean complete = progress ? readProgressRoot(parser, fields) : readEntry(parser, fields, true);
            if (!complete || parser.nextToken() != null) {
                return null;
            }
            return fields;
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
    }

    /** {@code {"sessionId":…,"data":{"message":{ …entry… }}}}, everything else ignored. */
    private boolean readProgressRoot(JsonParser parser, LineFields fields) throws IOException {
        boolean sawData = false;
        boolean sawSession = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("sessionId".equals(name)) {
                String session = EntryField.optionalText(value, parser, fields);
                if (sawSession || session == EntryField.INVALID) {
                    return false;
                }
                sawSession = true;
                fields.sessionId = session;
                continue;
            }
            if (!"data".equals(name)) {
                NullFields.skip(parser, fields);
                continue;
            }
            if (sawData || value != JsonToken.START_OBJECT) {
                return false;
            }
            sawData = true;
            boolean sawMessage = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String inner = parser.currentName();
                JsonToken innerValue = parser.nextToken();
                if (!"message".equals(inner)) {
                    NullFields.skip(parser, fields);
                    continue;
                }
                if (sawMessage || innerValue != JsonToken.START_OBJECT || !readEntry(parser, fields, false)) {
                    return false;
                }
                sawMessage = true;
            }
            if (!sawMessage) {
                return false;
            }
        }
        return sawData;
    }

    /** The fields of an entry object; the parser stands on its START_OBJECT. */
    private boolean readEntry(JsonParser parser, LineFields fields, boolean topLevel) throws IOException {
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit = EntryField.bit(name, topLevel, errorFlag);
            if (bit == 0) {
                NullFields.skip(parser, fields);
                continue;
            }
            if ((seen & bit) != 0) {
                return false; // a repeated known field is an error for a typed reader
            }
            seen |= bit;
            if (!EntryField.read(name, value, parser, fields)) {
                return false;
            }
        }
        return (seen & EntryField.TIMESTAMP) != 0 && (seen & EntryField.MESSAGE) != 0;
    }
}

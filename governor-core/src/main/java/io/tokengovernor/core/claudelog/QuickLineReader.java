package io.tokengovernor.core.claudelog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the common shape of a Claude Code usage line straight from its bytes, several times faster
 * than a general JSON parser: one pass, strings skipped eight bytes at a time, only the few fields
 * reports need decoded. It answers only when it is sure; anything unusual (escapes in a field it
 * reads, a null, a repeated field, a number that is not a plain count, invalid JSON, a progress
 * line) makes it give up, and {@link LogLineParser} decides with Jackson. So it changes speed, never
 * results.
 */
final class QuickLineReader {

    /** Thrown to give up; a shared instance without stack trace, since giving up is routine. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    // member names compared as bytes: making a string of every key would cost more than the rest
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] SESSION_ID = ascii("sessionId");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] COST_USD = ascii("costUSD");
    private static final byte[] REQUEST_ID = ascii("requestId");
    private static final byte[] API_ERROR = ascii("isApiErrorMessage");
    private static final byte[] SIDECHAIN = ascii("isSidechain");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] MODEL = ascii("model");
    private static final byte[] ID = ascii("id");
    private static final byte[] INPUT = ascii("input_tokens");
    private static final byte[] OUTPUT = ascii("output_tokens");
    private static final byte[] CACHE_CREATION_INPUT = ascii("cache_creation_input_tokens");
    private static final byte[] CACHE_READ_INPUT = ascii("cache_read_input_tokens");
    private static final byte[] SPEED = ascii("speed");
    private static final byte[] CACHE_CREATION = ascii("cache_creation");
    private static final byte[] EPHEMERAL_5M = ascii("ephemeral_5m_input_tokens");
    private static final byte[] EPHEMERAL_1H = ascii("ephemeral_1h_input_tokens");

    private int keyStart;
    private int keyLength;
    // the member names of the objects being read (where each starts, and a signature), innermost object last:
    // a repeated name gives up, since ccusage drops such a line when it contains "null" (the general parser
    // checks); known fields are checked by their bits
    private int[] nameStarts = new int[16];
    private int[] nameSignatures = new int[16];
    private int nameCount;
    private int objectStart;
    // open objects and arrays; deep lines go to the general parser, which knows ccusage's limit
    private int depth;
    private static final int MAX_DEPTH = 64;

    private final byte[] bytes;
    private final int end;
    private final boolean errorFlag;
    private int at;

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private QuickLineReader(byte[] bytes, int offset, int length, boolean errorFlag) {
        this.bytes = bytes;
        this.at = offset;
        this.end = offset + length;
        this.errorFlag = errorFlag;
    }

    /** The fields of a well-formed entry line, or {@code null} when the general parser must decide. */
    static LineFields read(byte[] bytes, int offset, int length, boolean errorFlag) {
        QuickLineReader reader = new QuickLineReader(bytes, offset, length, errorFlag);
        try {
            LineFields fields = new LineFields();
            reader.entry(fields);
            reader.skipSpace();
            return reader.at == reader.end ? fields : null;
        } catch (GiveUp | RuntimeException unsure) {
            return null;
        }
    }

    private void entry(LineFields fields) throws GiveUp {
        expect('{');
        depth = 1;
        int seen = 0;
        if (peek() == '}') {
            throw GIVE_UP;
        }
        do {
            key();
            int bit = topBit();
            if (bit != 0) {
                if ((seen & bit) != 0) {
                    throw GIVE_UP;
                }
                seen |= bit;
                topField(bit, fields);
            } else {
                unknownName();
                skipValue(true);
            }
        } while (nextMember('}'));
        if ((seen & EntryField.TIMESTAMP) == 0 || (seen & EntryField.MESSAGE) == 0) {
            throw GIVE_UP;
        }
    }

    /** The {@link EntryField} bit of the current key, 0 for a field this reader skips. */
    private int topBit() {
        // dispatch on the length first: most keys of a line are skipped after one comparison
        return switch (keyLength) {
            case 9 -> keyIs(TIMESTAMP) ? EntryField.TIMESTAMP
                    : keyIs(SESSION_ID) ? EntryField.bit("sessionId", true, errorFlag)
                    : keyIs(REQUEST_ID) ? EntryField.bit("requestId", true, errorFlag) : 0;
            case 7 -> keyIs(MESSAGE) ? EntryField.MESSAGE
                    : keyIs(VERSION) ? EntryField.bit("version", true, errorFlag)
                    : keyIs(COST_USD) ? EntryField.bit("costUSD", true, errorFlag) : 0;
            case 11 -> keyIs(SIDECHAIN) ? EntryField.bit("isSidechain", true, errorFlag) : 0;
            case 17 -> keyIs(API_ERROR) ? EntryField.bit("isApiErrorMessage", true, errorFlag) : 0;
            default -> 0;
        };
    }

    private void topField(int bit, LineFields fields) throws GiveUp {
        if (bit == EntryField.TIMESTAMP) {
            fields.timestamp = LogTimestamp.parse(plainString());
        } else if (bit == EntryField.MESSAGE) {
            message(fields);
        } else if (keyIs(REQUEST_ID)) {
            fields.requestId = plainString();
        } else if (keyIs(SESSION_ID)) {
            fields.sessionId = plainString();
        } else if (keyIs(VERSION)) {
            fields.foreignVersion = !LineFields.isVersion(plainString());
        } else if (keyIs(COST_USD)) {
            fields.costUsd = number();
        } else if (keyIs(SIDECHAIN)) {
            fields.sidechain = bool();
        } else {
            fields.apiError = bool(); // isApiErrorMessage
        }
    }

    private void message(LineFields fields) throws GiveUp {
        expect('{');
        depth = 2;
        int outer = openObject();
        boolean usage = false;
        boolean model = false;
        boolean id = false;
        if (peek() == '}') {
            throw GIVE_UP;
        }
        do {
            key();
            if (keyIs(USAGE)) {
                if (usage) {
                    throw GIVE_UP;
                }
                usage = true;
                usage(fields);
            } else if (keyIs(MODEL)) {
                if (model) {
                    throw GIVE_UP;
                }
                model = true;
                fields.model = plainString();
            } else if (keyIs(ID)) {
                if (id) {
                    throw GIVE_UP;
                }
                id = true;
                fields.messageId = plainString();
            } else {
                unknownName();
                skipValue(true);
            }
        } while (nextMember('}'));
        closeObject(outer);
        depth = 1;
        if (!usage) {
            throw GIVE_UP;
        }
    }

    private void usage(LineFields fields) throws GiveUp {
        expect('{');
        depth = 3;
        int outer = openObject();
        int seen = 0;
        if (peek() == '}') {
            throw GIVE_UP;
        }
        do {
            key();
            int bit = switch (keyLength) {
                case 12 -> keyIs(INPUT) ? 1 : 0;
                case 13 -> keyIs(OUTPUT) ? 2 : 0;
                case 27 -> keyIs(CACHE_CREATION_INPUT) ? 4 : 0;
                case 23 -> keyIs(CACHE_READ_INPUT) ? 8 : 0;
                case 5 -> keyIs(SPEED) ? 16 : 0;
                case 14 -> keyIs(CACHE_CREATION) ? 32 : 0;
                default -> 0;
            };
            if (bit == 0) {
                unknownName();
                skipValue(true);
                continue;
            }
            if ((seen & bit) != 0) {
                throw GIVE_UP;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> fields.inputTokens = count();
                case 2 -> fields.outputTokens = count();
                case 4 -> fields.cacheCreationFlat = count();
                case 8 -> fields.cacheReadTokens = count();
                case 16 -> fields.speed = switch (plainString()) {
                    case "fast" -> LogLine.Speed.FAST;
                    case "standard" -> LogLine.Speed.STANDARD;
                    default -> throw GIVE_UP;
                };
                default -> cacheSplit(fields);
            }
        } while (nextMember('}'));
        closeObject(outer);
        depth = 2;
        if ((seen & 3) != 3) {
            throw GIVE_UP;
        }
    }

    private void cacheSplit(LineFields fields) throws GiveUp {
        expect('{');
        depth = 4;
        fields.cacheCreationSplit = true;
        if (peek() == '}') {
            at++;
            depth = 3;
            return;
        }
        int seen = 0;
        int outer = openObject();
        do {
            key();
            int bit = keyIs(EPHEMERAL_5M) ? 1 : keyIs(EPHEMERAL_1H) ? 2 : 0;
            if (bit == 0) {
                unknownName();
                skipValue(true);
                continue;
            }
            if ((seen & bit) != 0) {
                throw GIVE_UP;
            }
            seen |= bit;
            if (bit == 1) {
                fields.cacheCreation5m = count();
            } else {
                fields.cacheCreation1h = count();
            }
        } while (nextMember('}'));
        closeObject(outer);
        depth = 3;
    }

    // ---- JSON grammar ----

    /** After a member or element: true at a comma (more follow), false at the closing bracket. */
    private boolean nextMember(char close) throws GiveUp {
        if (at < end && bytes[at] <= ' ') {
            skipSpace();
        }
        byte b = next();
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw GIVE_UP;
    }

    /** Reads a member name (plain: no escapes) and its colon; see {@link #keyIs}. */
    private void key() throws GiveUp {
        expect('"');
        int quote = ByteScan.indexOfStringSpecial(bytes, at, end);
        if (quote < 0 || bytes[quote] != '"') {
            throw GIVE_UP;
        }
        keyStart = at;
        keyLength = quote - at;
        at = quote + 1;
        expect(':');
    }

    /** Starts the names of a nested object; returns what {@link #closeObject} needs to go back out. */
    private int openObject() {
        int outer = objectStart;
        objectStart = nameCount;
        return outer;
    }

    private void closeObject(int outer) {
        nameCount = objectStart;
        objectStart = outer;
    }

    /** Notes the current key as a name this reader does not know; gives up when the object repeats it. */
    private void unknownName() throws GiveUp {
        // length and three bytes tell almost all names of one object apart; only equal signatures compare bytes
        int last = keyStart + keyLength - 1; // the opening quote for an empty name: still inside the line
        int signature = keyLength << 24 ^ (bytes[keyStart] & 0xff) << 16 ^ (bytes[keyStart + keyLength / 2] & 0xff) << 8
                ^ (bytes[last] & 0xff);
        for (int i = objectStart; i < nameCount; i++) {
            if (nameSignatures[i] == signature
                    && Arrays.equals(bytes, nameStarts[i], nameStarts[i] + keyLength, bytes, keyStart, keyStart + keyLength)) {
                throw GIVE_UP;
            }
        }
        if (nameCount == nameStarts.length) {
            nameStarts = Arrays.copyOf(nameStarts, nameCount * 2);
            nameSignatures = Arrays.copyOf(nameSignatures, nameCount * 2);
        }
        nameStarts[nameCount] = keyStart;
        nameSignatures[nameCount++] = signature;
    }

    private boolean keyIs(byte[] name) {
        if (keyLength != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (bytes[keyStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Skips a value, checking its grammar; {@code member} when it is an object member named by the current key. */
    private void skipValue(boolean member) throws GiveUp {
        skipSpace();
        byte b = peek();
        switch (b) {
            case '"' -> skipString();
            case '{' -> {
                at++;
                enter();
                skipSpace();
                if (peek() == '}') {
                    at++;
                } else {
                    int outer = openObject();
                    do {
                        key();
                        unknownName();
                        skipValue(true);
                    } while (nextMember('}'));
                    closeObject(outer);
                }
                depth--;
            }
            case '[' -> {
                at++;
                enter();
                skipSpace();
                if (peek() == ']') {
                    at++;
                } else {
                    do {
                        skipValue(false);
                    } while (nextMember(']'));
                }
                depth--;
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> {
                if (member && NullFields.isListed(new String(bytes, keyStart, keyLength, StandardCharsets.UTF_8))) {
                    throw GIVE_UP; // such a null drops the line; the general parser says so
                }
                literal("null");
            }
            default -> numberText();
        }
    }

    private void enter() throws GiveUp {
        if (++depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
    }

    private void skipString() throws GiveUp {
        at++; // opening quote
        while (true) {
            int special = ByteScan.indexOfStringSpecial(bytes, at, end);
            if (special < 0) {
                throw GIVE_UP;
            }
            byte b = bytes[special];
            if (b == '"') {
                at = special + 1;
                return;
            }
            if (b != '\\') {
                throw GIVE_UP; // a control character
            }
            at = escape(special) + 1;
        }
    }

    /** Checks the escape at {@code bytes[i] == '\\'}; returns the index of its last byte. */
    private int escape(int i) throws GiveUp {
        if (i + 1 >= end) {
            throw GIVE_UP;
        }
        switch (bytes[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                if (i + 5 >= end) {
                    throw GIVE_UP;
                }
                for (int k = i + 2; k <= i + 5; k++) {
                    if (Character.digit(bytes[k], 16) < 0) {
                        throw GIVE_UP;
                    }
                }
                return i + 5;
            }
            default -> throw GIVE_UP;
        }
    }

    /** A string value without escapes, decoded; anything else gives up. */
    private String plainString() throws GiveUp {
        skipSpace();
        return plainStringHere();
    }

    private String plainStringHere() throws GiveUp {
        expect('"');
        int start = at;
        int quote = ByteScan.indexOf(bytes, at, end, (byte) '"');
        if (quote < 0) {
            throw GIVE_UP;
        }
        for (int i = start; i < quote; i++) {
            byte b = bytes[i];
            if (b == '\\' || b < 0x20) { // escapes, control characters and non-ASCII bytes: not plain
                throw GIVE_UP;
            }
        }
        at = quote + 1;
        return new String(bytes, start, quote - start, StandardCharsets.UTF_8);
    }

    /** A token count: plain digits, no sign, fraction or exponent. */
    private long count() throws GiveUp {
        skipSpace();
        int start = at;
        long value = 0;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            value = value * 10 + (bytes[at] - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > 18 || (digits > 1 && bytes[start] == '0')) {
            throw GIVE_UP;
        }
        if (at < end && (bytes[at] == '.' || bytes[at] == 'e' || bytes[at] == 'E')) {
            throw GIVE_UP;
        }
        return value;
    }

    private double number() throws GiveUp {
        skipSpace();
        int start = at;
        numberText();
        return Double.parseDouble(new String(bytes, start, at - start, StandardCharsets.US_ASCII));
    }

    /** Skips a JSON number, checking its grammar. */
    private void numberText() throws GiveUp {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (at < end && bytes[at] == '.') {
            at++;
            digits();
        }
        if (at < end && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
    }

    private void digits() throws GiveUp {
        int start = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        if (at == start) {
            throw GIVE_UP;
        }
    }

    private boolean bool() throws GiveUp {
        skipSpace();
        if (peek() == 't') {
            literal("true");
            return true;
        }
        literal("false");
        return false;
    }

    private void literal(String word) throws GiveUp {
        if (at + word.length() > end) {
            throw GIVE_UP;
        }
        for (int k = 0; k < word.length(); k++) {
            if (bytes[at + k] != word.charAt(k)) {
                throw GIVE_UP;
            }
        }
        at += word.length();
    }

    private void skipSpace() {
        if (at < end && bytes[at] > ' ') {
            return; // Claude Code writes compact JSON: almost always no space at all
        }
        while (at < end) {
            byte b = bytes[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            at++;
        }
    }

    private void expect(char c) throws GiveUp {
        if (at < end && bytes[at] == c) {
            at++; // compact JSON: the expected byte is right here
            return;
        }
        skipSpace();
        if (at >= end || bytes[at] != c) {
            throw GIVE_UP;
        }
        at++;
    }

    private byte peek() throws GiveUp {
        if (at >= end) {
            throw GIVE_UP;
        }
        return bytes[at];
    }

    private byte next() throws GiveUp {
        if (at >= end) {
            throw GIVE_UP;
        }
        return bytes[at++];
    }
}

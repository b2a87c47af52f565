package io.tokengovernor.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Judges, on the test's side, whether some bytes still form exactly one well-formed JSON document (RFC 8259, UTF-8,
 * no member named twice), or well-formed JSON Lines (a value on each line that is not blank). Random edits are only
 * sent when it says no. Should it wrongly say no, the server would
 * accept the body and the suite fail; should it wrongly say yes, a case is only left out; so it can never make a
 * refusal pass that should not.
 */
final class JsonOracle {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** JSON Lines hold an agent's own values: a member named twice is the agent's business. */
    private static final JsonFactory LENIENT = new JsonFactory();

    private JsonOracle() {
    }

    static boolean isOneJsonDocument(byte[] bytes) {
        String text = utf8(bytes);
        return text != null && isOneValue(text, STRICT);
    }

    static boolean isJsonLines(byte[] bytes) {
        String text = utf8(bytes);
        if (text == null) {
            return false;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank() && !isOneValue(line, LENIENT)) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean isOneValue(String text, JsonFactory factory) {
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JsonProcessingException notJson) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

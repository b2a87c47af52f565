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
 * no member named twice). Random edits are only sent when it says no. Should it wrongly say no, the server would
 * accept the body and the suite fail; should it wrongly say yes, a case is only left out; so it can never make a
 * refusal pass that should not.
 */
final class JsonOracle {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonOracle() {
    }

    static boolean isOneJsonDocument(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        try (JsonParser parser = STRICT.createParser(text)) {
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

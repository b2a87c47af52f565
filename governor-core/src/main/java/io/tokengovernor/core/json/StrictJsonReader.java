package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into the type it is meant for, or refuses it with a {@link MalformedJson} that says where
 * and why. Strict where a lenient reader would guess: the body is UTF-8; it is exactly one complete JSON document
 * (no truncation, nothing after it, no NaN or Infinity); no object names a member twice; nesting, numbers and
 * member names stay within {@link #MAX_DEPTH}, {@link #MAX_NUMBER_DIGITS} and {@link #MAX_NAME_LENGTH}; a value
 * has the type of its field (no text for numbers, no fractions or out-of-range numbers for whole numbers, no
 * numbers for names of constants). Members the type does not know are skipped, so clients may send more.
 * The size of the body is bounded before it gets here.
 */
public final class StrictJsonReader {

    /** Request bodies nest three levels deep (a batch, its events, their fields); 32 leaves room to grow. */
    public static final int MAX_DEPTH = 32;
    /** Token counts have at most 19 digits; 64 covers any double written out. */
    public static final int MAX_NUMBER_DIGITS = 64;
    public static final int MAX_NAME_LENGTH = 1_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_DIGITS)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, flag -> flag
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfigDefaults(any -> any
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false))
            .addModule(new StrictScalars())
            .build();

    private StrictJsonReader() {
    }

    /**
     * The body as an instance of {@code type}; {@code null} when the body is the JSON literal {@code null}.
     *
     * @throws MalformedJson when the body is refused
     */
    public static Object read(byte[] body, Type type) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new MalformedJson(null, "the body is empty; a JSON document is required");
        }
        JavaType target = MAPPER.getTypeFactory().constructType(type);
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                Object value = MAPPER.readValue(parser, target);
                if (parser.nextToken() != null) {
                    throw new MalformedJson(null, "there is more after the JSON document" + JsonMistakes.at(parser));
                }
                return value;
            } catch (JsonProcessingException e) {
                throw JsonMistakes.explain(e, parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a body held in memory failed", e);
        }
    }

    /** The body decoded as UTF-8, refusing any byte sequence that is not UTF-8 rather than replacing it. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedJson(null, "the body is not UTF-8 text (byte " + in.position() + " of " + body.length
                    + " begins an invalid sequence)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}

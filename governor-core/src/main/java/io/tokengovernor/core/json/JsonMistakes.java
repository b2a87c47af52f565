package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Jackson's refusals of a request body in words for the client: which field, what was expected, what came. */
final class JsonMistakes {

    private static final int SHOWN_VALUE = 40;
    private static final int SHOWN_MESSAGE = 200;

    private JsonMistakes() {
    }

    static MalformedJson explain(JsonProcessingException failure, JsonParser parser) {
        JsonProcessingException kind = failure instanceof JsonMappingException
                && failure.getCause() instanceof JsonProcessingException cause ? cause : failure;
        if (kind instanceof InvalidDefinitionException) {
            throw new IllegalStateException("a request type cannot be read as JSON", failure);
        }
        if (kind instanceof StreamConstraintsException) {
            return new MalformedJson(null, "the document goes beyond the limits of a request body (nesting at most "
                    + StrictJsonReader.MAX_DEPTH + " levels, numbers at most " + StrictJsonReader.MAX_NUMBER_DIGITS
                    + " digits, member names at most " + StrictJsonReader.MAX_NAME_LENGTH + " characters)"
                    + at(parser));
        }
        String field = fieldOf(failure, parser);
        if (kind instanceof InputCoercionException outOfRange) {
            return new MalformedJson(field, "expected " + expected(outOfRange.getTargetType())
                    + " within its range, found " + shown(parser));
        }
        if (kind instanceof MismatchedInputException mismatch) {
            String range = mismatch instanceof InvalidFormatException format
                    && format.getValue() instanceof Double number && number.isInfinite() ? " within its range" : "";
            return new MalformedJson(field, "expected " + expected(mismatch.getTargetType()) + range + ", found "
                    + shown(parser));
        }
        return new MalformedJson(field, plain(kind.getOriginalMessage()) + at(kind.getLocation()));
    }

    /** Where the parser stands, as {@code " at line 1, column 12"}. */
    static String at(JsonParser parser) {
        return at(parser.currentLocation());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The path Jackson recorded while binding, else the parser's position: {@code events[2].inputTokens}; null for
     * the document as a whole.
     */
    private static String fieldOf(JsonProcessingException failure, JsonParser parser) {
        List<String> steps = new ArrayList<>();
        if (failure instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference step : mapping.getPath()) {
                steps.add(step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]");
            }
        } else {
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                    context = context.getParent()) {
                String step = context.inObject() ? context.getCurrentName()
                        : context.inArray() && context.getCurrentIndex() >= 0 ? "[" + context.getCurrentIndex() + "]"
                        : null;
                if (step != null) {
                    steps.add(0, step);
                }
            }
        }
        String path = String.join(".", steps).replace(".[", "[");
        return path.isEmpty() ? null : shorten(path, SHOWN_MESSAGE);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Long.class || type == Long.TYPE || type == Integer.class || type == Integer.TYPE
                || type == Short.class || type == Short.TYPE || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == Double.TYPE || type == Float.class || type == Float.TYPE
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == Boolean.TYPE) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Instant.class) {
            return "an RFC 3339 instant such as \"2026-11-29T10:00:00Z\"";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return type.isArray() || Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    /** The value the parser stopped at, as the client wrote it (cut short), or its kind for a structure. */
    private static String shown(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + shorten(text(parser), SHOWN_VALUE) + "\"";
            default -> shorten(text(parser), SHOWN_VALUE);
        };
    }

    private static String text(JsonParser parser) {
        try {
            return parser.getText();
        } catch (java.io.IOException e) {
            return "an unreadable value";
        }
    }

    /** Jackson's message without the parts that speak of its own settings and source descriptions. */
    private static String plain(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        return shorten(message.replaceAll(" \\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll(": (enable|consider enabling) `[^`]*`.*$", "")
                .replaceAll("\\s+", " ").strip(), SHOWN_MESSAGE);
    }

    private static String shorten(String text, int characters) {
        return text.length() <= characters ? text : text.substring(0, characters) + "…";
    }
}

package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The scalars Jackson's defaults read too kindly for request bodies: a number beyond the range of a double
 * (which would become infinity) and an instant given as anything but RFC 3339 text.
 */
final class StrictScalars extends SimpleModule {

    private static final long serialVersionUID = 1L;

    StrictScalars() {
        super("strict-scalars");
        addDeserializer(Double.class, new FiniteDouble(Double.class));
        addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE));
        addDeserializer(Instant.class, new InstantText());
    }

    /** A number that is a finite double; integers are numbers too. */
    private static final class FiniteDouble extends StdScalarDeserializer<Double> {

        private static final long serialVersionUID = 1L;

        FiniteDouble(Class<Double> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Double) context.handleUnexpectedToken(handledType(), parser);
            }
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                return (Double) context.handleWeirdNumberValue(handledType(), value, "is beyond the range of a number");
            }
            return value;
        }

        @Override
        public Double getNullValue(DeserializationContext context) throws JsonMappingException {
            if (handledType().isPrimitive()) {
                context.reportInputMismatch(this, "null is not a number");
            }
            return null;
        }
    }

    /** An instant as JSON-B reads one: ISO-8601 text ({@code 2026-11-29T10:00:00Z}), never a bare number. */
    private static final class InstantText extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 instant");
            }
        }
    }
}

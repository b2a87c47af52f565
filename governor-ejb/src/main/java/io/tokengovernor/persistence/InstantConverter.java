package io.tokengovernor.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Stores instants as fixed-width UTC text with millisecond precision
 * ({@code 2026-11-29T09:16:51.123Z}), which sorts correctly as text on every database.
 * JPA 3.1 has no mapping of its own for {@link Instant}.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, String> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

package io.tokengovernor.cli.workpackage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an RFC 3339 timestamp with any offset and yields the UTC form the server expects,
 * so a typo is a usage error here rather than a round trip.
 */
final class Rfc3339 implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return instant.toString();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not an RFC 3339 timestamp such as 2025-01-31T18:00:00Z");
        }
    }
}

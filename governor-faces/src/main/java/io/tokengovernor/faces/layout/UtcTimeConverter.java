package io.tokengovernor.faces.layout;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Shows every {@link Instant} on the dashboard as UTC to the second ({@code 2026-05-01 14:03:07}),
 * the zone the API and CLI use; {@code f:convertDateTime} cannot format an Instant with a pattern.
 */
@FacesConverter(forClass = Instant.class)
public class UtcTimeConverter implements Converter<Instant> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FORMAT.parse(value.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new ConverterException("Enter a UTC time as yyyy-MM-dd HH:mm:ss.", e);
        }
    }
}

package io.tokengovernor.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a flag as the integer 0 or 1: the portable column type for SQLite and PostgreSQL alike (PostgreSQL
 * refuses a boolean bound to an INTEGER column, which is what JPA would send).
 */
@Converter
public class FlagConverter implements AttributeConverter<Boolean, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Boolean flag) {
        return flag != null && flag ? 1 : 0;
    }

    @Override
    public Boolean convertToEntityAttribute(Integer value) {
        return value != null && value != 0;
    }
}

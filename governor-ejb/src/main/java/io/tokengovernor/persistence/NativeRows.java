package io.tokengovernor.persistence;

import java.time.Instant;

/** Columns of a native query's {@code Object[]} rows as the read models want them (nulls kept as null or 0). */
public final class NativeRows {

    private NativeRows() {
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** An instant stored as text by {@link InstantConverter}. */
    public static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}

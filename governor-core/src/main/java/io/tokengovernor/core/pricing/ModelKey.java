package io.tokengovernor.core.pricing;

/**
 * Whether a price-table key names a logged model although the strings differ, e.g.
 * {@code anthropic/claude-sonnet-4-5@20250929} and {@code claude-sonnet-4-5}. A key must sit between
 * non-alphanumeric boundaries, and a trailing version number stops the match ({@code claude-opus-4}
 * does not price {@code claude-opus-4-1}) unless it is an 8-digit date.
 */
final class ModelKey {

    private static final int DATE_SUFFIX_DIGITS = 8;

    private ModelKey() {
    }

    static boolean matches(String key, String model, String normalizedModel) {
        if (contains(model, key) || contains(key, model)) {
            return true;
        }
        String normalizedKey = normalized(key);
        return contains(normalizedModel, normalizedKey) || contains(normalizedKey, normalizedModel);
    }

    /** Dots and at-signs are spelled as dashes by some providers ({@code claude-opus-4.5}, {@code …@2025…}). */
    static String normalized(String value) {
        if (value.indexOf('.') < 0 && value.indexOf('@') < 0) {
            return value;
        }
        return value.replace('.', '-').replace('@', '-');
    }

    private static boolean contains(String value, String key) {
        if (key.isEmpty()) {
            return false;
        }
        // non-overlapping occurrences, left to right, like a plain substring search loop
        int from = 0;
        while (true) {
            int index = value.indexOf(key, from);
            if (index < 0) {
                return false;
            }
            boolean boundaryBefore = index == 0 || isBoundary(value.charAt(index - 1));
            if (boundaryBefore && suffixAllowsMatch(key, value.substring(index + key.length()))) {
                return true;
            }
            from = index + key.length();
        }
    }

    private static boolean isBoundary(char c) {
        return !(c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean suffixAllowsMatch(String key, String suffix) {
        if (suffix.isEmpty()) {
            return true;
        }
        return isBoundary(suffix.charAt(0)) && !startsWithNumericVersion(key, suffix);
    }

    private static boolean startsWithNumericVersion(String key, String suffix) {
        char last = key.charAt(key.length() - 1);
        if (last < '0' || last > '9') {
            return false;
        }
        char separator = suffix.charAt(0);
        if (separator != '-' && separator != '.') {
            return false;
        }
        int digits = 0;
        while (1 + digits < suffix.length() && isDigit(suffix.charAt(1 + digits))) {
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        boolean endsThere = 1 + digits >= suffix.length() || isBoundary(suffix.charAt(1 + digits));
        return !(digits == DATE_SUFFIX_DIGITS && endsThere);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

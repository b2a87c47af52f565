package io.tokengovernor.core.json;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans the way serde_json's pretty printer
 * does (two-space indent, {@code "key": value}, {@code []} and {@code {}} when empty), so that
 * output can be compared with ccusage's byte for byte. Doubles are written shortest round-trip
 * ({@link ShortestDouble}); a {@link WholeNumber} is written as an integer when it has no fraction.
 */
public final class PrettyJson {

    private final StringBuilder out = new StringBuilder(1 << 12);

    private PrettyJson() {
    }

    public static String write(Object value) {
        PrettyJson json = new PrettyJson();
        json.value(value, 0);
        return json.out.toString();
    }

    /** A double that ccusage prints as an integer when it is whole ({@code costUSD} of blocks). */
    public record WholeNumber(double value) {
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Double number) {
            out.append(ShortestDouble.format(number));
        } else if (value instanceof WholeNumber whole) {
            double number = whole.value();
            if (number == Math.rint(number) && Math.abs(number) < 9.2e18) {
                out.append((long) number);
            } else {
                out.append(ShortestDouble.format(number));
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1);
            string(entry.getKey().toString());
            out.append(": ");
            value(entry.getValue(), depth + 1);
        }
        out.append('\n');
        indent(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1);
            value(item, depth + 1);
        }
        out.append('\n');
        indent(depth);
        out.append(']');
    }

    private void indent(int depth) {
        out.append("  ".repeat(depth));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Values, as raw JSON text, that no field of a given kind may accept: another JSON type, a number out of the
 * field's range, or a number that is not JSON at all. The kind comes from the OpenAPI schema of the field, or from
 * the valid body's own value where the schema says nothing (the scheduler rules are a plain document).
 */
final class WrongValues {

    private WrongValues() {
    }

    /** The JSON kind of a field: {@code string}, {@code integer} (with its format), {@code number}, ... */
    record Kind(String type, String format) {

        static Kind of(JsonNode schema, JsonNode validValue) {
            if (schema != null && schema.has("type")) {
                return new Kind(schema.get("type").asText(), schema.path("format").asText(""));
            }
            if (schema != null && schema.has("$ref")) {
                return new Kind("object", "");
            }
            if (validValue.isNumber()) {
                return new Kind("number", "");
            }
            return new Kind(validValue.isTextual() ? "string" : validValue.isBoolean() ? "boolean"
                    : validValue.isArray() ? "array" : "object", "");
        }

        boolean isNumeric() {
            return type.equals("integer") || type.equals("number");
        }
    }

    /** Values of another JSON type than the kind's. */
    static List<String> ofAnotherType(Kind kind) {
        return switch (kind.type()) {
            case "string" -> List.of("12", "-1.5", "true", "false", "{}", "[]", "[\"text\"]", "{\"a\":\"b\"}");
            case "integer" -> List.of("\"12\"", "\"\"", "1.5", "1e2", "-0.0", "true", "{}", "[]", "[1]");
            case "number" -> List.of("\"0.5\"", "\"\"", "true", "{}", "[]", "[0.5]");
            case "boolean" -> List.of("\"true\"", "\"false\"", "1", "0", "{}", "[]");
            case "array" -> List.of("{}", "\"text\"", "1", "true", "[[]]", "[true]");
            default -> List.of("\"no-such-value\"", "1", "true", "[]", "[1]");
        };
    }

    /** Numbers beyond what the kind can hold; none for kinds that are not numbers. */
    static List<String> outOfRange(Kind kind) {
        List<String> values = new ArrayList<>();
        String digits = "9".repeat(70);
        if (kind.type().equals("integer")) {
            values.addAll(kind.format().equals("int32")
                    ? List.of("2147483648", "-2147483649", "4294967297")
                    : List.of("9223372036854775808", "-9223372036854775809", "18446744073709551621"));
            values.addAll(List.of("1e999999999", "-1e999999999", "99999999999999999999999999999", digits));
        } else if (kind.type().equals("number")) {
            values.addAll(List.of("1e400", "-1e400", "1.7976931348623159e308", "1e999999999", "-1E+999999999",
                    digits + "." + digits));
        }
        return values;
    }

    /** Spellings of numbers that JSON does not have. */
    static List<String> notNumbers() {
        return List.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", "-01", ".5", "1.", "1.e3", "0x10", "1e",
                "1e+", "-", "--1", "1_000", "1,5", "١");
    }
}

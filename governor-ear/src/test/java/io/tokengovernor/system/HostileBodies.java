package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.tokengovernor.system.WrongValues.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates bodies an endpoint must refuse, each made from a valid body of the endpoint by one defect that makes
 * it invalid by construction: cut short, nested too deep, a value of the wrong type or range, a number JSON does not
 * have, a member named twice, bytes that are not UTF-8, or random byte edits that {@link JsonOracle} confirms have
 * broken the document. The same random seed yields the same bodies (up to the fixture's fresh ids).
 */
final class HostileBodies {

    /** One body, the kind of its defect (for the summary) and the defect itself. */
    record HostileBody(String kind, String defect, byte[] bytes) {
    }

    private static final int DEEP = 10_000;
    private static final String UNKNOWN_MEMBER =
            "\"zzUnknown\":{\"a\":[1,\"two\",{\"b\":null,\"c\":[true,false,-0.5e-3]}],\"d\":{\"e\":{}}},";
    private static final List<String> ROOT_FRAGMENTS = List.of("{", "[", "\"", "\"abc", "-", "1e", "1.", "tru",
            "fals", "nul", "{\"", "{\"a\"", "{\"a\":", "[{", "[\"", "{\"a\":[", "{\"a\":{\"b\":1", "{\"a\":\"\\u12");

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    List<HostileBody> against(String validBody, JsonNode schema, JsonNode openApi, int mutations) {
        ObjectNode valid = (ObjectNode) parse(validBody);
        String compact = valid.toString();
        List<HostileBody> bodies = new ArrayList<>();
        cutShort(compact, bodies);
        deepNesting(compact, bodies);
        hugeStrings(compact, bodies);
        wrongValuesOfEveryField(valid, schema, openApi, bodies);
        duplicates(valid, bodies);
        InvalidUtf8.insertInto(compact, random, bodies);
        new ByteMutations(random).breaking(compact.getBytes(StandardCharsets.UTF_8), mutations, bodies);
        return bodies;
    }

    /**
     * Bodies a JSON Lines endpoint must refuse: the kinds above aimed at one line of a valid payload (after a valid
     * line, for every other one), kept only where {@link JsonOracle} finds the lines broken, since the values are the
     * agent's own: a wrong type or a member named twice is no defect there.
     */
    List<HostileBody> againstJsonLines(String validPayload, int mutations) {
        String line = validPayload.lines().findFirst().orElseThrow();
        byte[] validLine = (line + "\n").getBytes(StandardCharsets.UTF_8);
        List<HostileBody> broken = new ArrayList<>();
        List<HostileBody> bodies = against(line, null, null, mutations);
        for (int i = 0; i < bodies.size(); i++) {
            byte[] bytes = bodies.get(i).bytes();
            if (i % 2 == 1) {
                bytes = java.nio.ByteBuffer.allocate(validLine.length + bytes.length).put(validLine).put(bytes)
                        .array();
            }
            if (!JsonOracle.isJsonLines(bytes)) {
                broken.add(new HostileBody(bodies.get(i).kind(), bodies.get(i).defect(), bytes));
            }
        }
        return broken;
    }

    /** Documents of every shape left open, and the valid body cut at every byte, with and without nested members. */
    private static void cutShort(String compact, List<HostileBody> bodies) {
        ROOT_FRAGMENTS.forEach(fragment -> bodies.add(body("cut short", "an unterminated document", fragment)));
        for (int length = 0; length < compact.length(); length++) {
            bodies.add(body("cut short", "the valid body cut short", compact.substring(0, length)));
        }
        String nested = "{" + UNKNOWN_MEMBER + compact.substring(1);
        for (int length = 2; length < nested.length(); length++) {
            bodies.add(body("cut short", "the valid body with a nested unknown member cut short",
                    nested.substring(0, length)));
        }
    }

    /** Wrong values for every field the schema names (or the valid body has), and for the fields of list items. */
    private void wrongValuesOfEveryField(ObjectNode valid, JsonNode schema, JsonNode openApi,
            List<HostileBody> bodies) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = fieldsOf(valid, schema); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = BodyEndpoints.resolve(openApi, field.getValue());
            wrongValues(valid, field.getKey(), Kind.of(fieldSchema, valid.path(field.getKey())),
                    valid, bodies);
            JsonNode items = BodyEndpoints.resolve(openApi, fieldSchema.path("items"));
            if (valid.path(field.getKey()).path(0) instanceof ObjectNode item && items.has("properties")) {
                for (Iterator<Map.Entry<String, JsonNode>> inner = items.get("properties").fields();
                        inner.hasNext(); ) {
                    Map.Entry<String, JsonNode> itemField = inner.next();
                    Kind itemKind = Kind.of(BodyEndpoints.resolve(openApi, itemField.getValue()),
                            item.path(itemField.getKey()));
                    wrongValues(item, itemField.getKey(), itemKind, valid, bodies);
                }
            }
        }
    }

    private static void deepNesting(String compact, List<HostileBody> bodies) {
        String rest = "," + compact.substring(1);
        String arrays = "[".repeat(DEEP) + "]".repeat(DEEP);
        String objects = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        bodies.add(body("deep", "10,000 nested lists in an unknown member", "{\"zz\":" + arrays + rest));
        bodies.add(body("deep", "10,000 nested objects in an unknown member", "{\"zz\":" + objects + rest));
        bodies.add(body("deep", "10,000 unclosed lists in an unknown member", "{\"zz\":" + "[".repeat(DEEP)));
        bodies.add(body("deep", "10,000 unclosed objects and lists", "{\"zz\":" + "{\"a\":[".repeat(DEEP)));
        bodies.add(body("deep", "10,000 nested lists as the document", arrays));
        bodies.add(body("deep", "10,000 nested objects as the document", objects));
    }

    private static void hugeStrings(String compact, List<HostileBody> bodies) {
        String rest = compact.substring(1);
        bodies.add(body("huge", "an unterminated string of 300,000 characters", "{\"zz\":\"" + "x".repeat(300_000)));
        bodies.add(body("huge", "a string of 300,000 characters with a bad escape", "{\"zz\":\"" + "x".repeat(300_000)
                + "\\q\"," + rest));
        bodies.add(body("huge", "a member name of 5,000 characters", "{\"" + "n".repeat(5_000) + "\":1," + rest));
        bodies.add(body("huge", "a number of 100,000 digits", "{\"zz\":" + "7".repeat(100_000) + "," + rest));
        bodies.add(body("huge", "an unterminated string of 2 MB", "{\"zz\":\"" + "y".repeat(2_000_000)));
        bodies.add(body("huge", "900 KB of blanks before the valid body cut short", " ".repeat(900_000)
                + compact.substring(0, compact.length() - 1)));
    }

    /** Puts each wrong value in place of the holder's field (the holder being the document or a part of it). */
    private static void wrongValues(ObjectNode holder, String field, Kind kind, ObjectNode document,
            List<HostileBody> bodies) {
        JsonNode original = holder.get(field);
        List<String> values = new ArrayList<>(WrongValues.ofAnotherType(kind));
        values.addAll(WrongValues.outOfRange(kind));
        if (kind.isNumeric()) {
            values.addAll(WrongValues.notNumbers());
        }
        for (String value : values) {
            holder.set(field, JsonNodeFactory.instance.rawValueNode(new RawValue(value)));
            String kindOfValue = WrongValues.notNumbers().contains(value) ? "not a JSON number"
                    : WrongValues.outOfRange(kind).contains(value) ? "out of range" : "wrong type";
            bodies.add(body(kindOfValue, field + " = " + value, document.toString()));
        }
        if (original == null) {
            holder.remove(field);
        } else {
            holder.set(field, original);
        }
    }

    private static void duplicates(ObjectNode valid, List<HostileBody> bodies) {
        String compact = valid.toString();
        String open = compact.substring(0, compact.length() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> fields = valid.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = GovernorApi.JSON.valueToTree(field.getKey()).toString();
            bodies.add(body("named twice", "a member named twice", open + "," + name + ":" + field.getValue() + "}"));
            bodies.add(body("named twice", "a member named twice, differently",
                    "{" + name + ":null," + compact.substring(1)));
            if (field.getValue().path(0).isObject()) {
                ObjectNode copy = valid.deepCopy();
                String item = field.getValue().get(0).toString();
                String firstName = item.substring(1, item.indexOf(':'));
                ((ArrayNode) copy.get(field.getKey())).set(0, JsonNodeFactory.instance.rawValueNode(
                        new RawValue("{" + firstName + ":1," + item.substring(1))));
                bodies.add(body("named twice", "a member of a list item named twice", copy.toString()));
            }
        }
        bodies.add(body("named twice", "an unknown member named twice", "{\"zz\":1,\"zz\":2," + compact.substring(1)));
    }

    /** The schema's properties, or the valid body's members where the schema has none. */
    private static Iterator<Map.Entry<String, JsonNode>> fieldsOf(ObjectNode valid, JsonNode schema) {
        if (schema != null && schema.has("properties")) {
            return schema.get("properties").fields();
        }
        ObjectNode none = GovernorApi.JSON.createObjectNode();
        valid.fieldNames().forEachRemaining(name -> none.putObject(name));
        return none.fields();
    }

    private static JsonNode parse(String validBody) {
        try {
            return GovernorApi.JSON.readTree(validBody);
        } catch (java.io.IOException e) {
            throw new AssertionError("a valid body is not JSON: " + validBody, e);
        }
    }

    static HostileBody body(String kind, String defect, String text) {
        return new HostileBody(kind, defect, text.getBytes(StandardCharsets.UTF_8));
    }

    static HostileBody body(String kind, String defect, byte[] bytes) {
        return new HostileBody(kind, defect, Arrays.copyOf(bytes, bytes.length));
    }
}
